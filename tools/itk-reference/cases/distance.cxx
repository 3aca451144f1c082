// Distance maps: SignedMaurerDistanceMap, configured as SimpleITK's procedure configures it.
#include "reference.h"

#include "itkDanielssonDistanceMapImageFilter.h"
#include "itkImageRegionIteratorWithIndex.h"
#include "itkSignedDanielssonDistanceMapImageFilter.h"
#include "itkSignedMaurerDistanceMapImageFilter.h"

namespace {

using ref::Family;
using ref::Geometry;

template <typename T, unsigned D, typename F>
typename itk::Image<T, D>::Pointer
shaped(const Geometry<D> & g, F fn)
{
  auto image = ref::blank<T, D>(g);
  for (itk::ImageRegionIteratorWithIndex<itk::Image<T, D>> it(image, image->GetLargestPossibleRegion()); !it.IsAtEnd();
       ++it)
    it.Set(static_cast<T>(fn(it.GetIndex())));
  return image;
}

template <typename T, unsigned D>
void
maurer(Family & family, const std::string & label, const std::string & inputName,
       const typename itk::Image<T, D>::Pointer & input, bool insideIsPositive, bool squared, bool spacing,
       double background, bool explicitArgs = true)
{
  auto filter = itk::SignedMaurerDistanceMapImageFilter<itk::Image<T, D>, itk::Image<float, D>>::New();
  filter->SetInput(input);
  filter->SetInsideIsPositive(insideIsPositive);
  filter->SetSquaredDistance(squared);
  filter->SetUseImageSpacing(spacing);
  filter->SetBackgroundValue(static_cast<T>(background));
  filter->Update();
  std::string suffix = label + (insideIsPositive ? "-inside+" : "-inside-") + (squared ? "-squared" : "") +
                       (spacing ? "-spacing" : "") + "-bg" + std::to_string(static_cast<int>(background));
  std::vector<std::string> args = { inputName };
  if (explicitArgs)
  {
    args.push_back(ref::flag(insideIsPositive));
    args.push_back(ref::flag(squared));
    args.push_back(ref::flag(spacing));
    args.push_back(ref::real(background));
  }
  family.add("SignedMaurerDistanceMap/" + suffix, "SignedMaurerDistanceMap", args,
             family.image("maurer-" + suffix, filter->GetOutput()), 0.0,
             "float arithmetic as ITK's: exact to the bit");
}

template <typename T, unsigned D>
void
danielsson(Family & family, const std::string & label, const std::string & inputName,
           const typename itk::Image<T, D>::Pointer & input, bool squared, bool spacing)
{
  auto filter = itk::DanielssonDistanceMapImageFilter<itk::Image<T, D>, itk::Image<float, D>>::New();
  filter->SetInput(input);
  filter->SetInputIsBinary(false);
  filter->SetSquaredDistance(squared);
  filter->SetUseImageSpacing(spacing);
  filter->Update();
  std::string suffix = label + (squared ? "-squared" : "") + (spacing ? "-spacing" : "");
  family.add("DanielssonDistanceMap/" + suffix, "DanielssonDistanceMap",
             { inputName, ref::flag(false), ref::flag(squared), ref::flag(spacing) },
             family.image("danielsson-" + suffix, filter->GetDistanceMap()), 0.0,
             "the propagation visits voxels in the order of ITK's reflective iterator");
}

template <typename T, unsigned D>
void
signedDanielsson(Family & family, const std::string & label, const std::string & inputName,
                 const typename itk::Image<T, D>::Pointer & input, bool insideIsPositive, bool squared, bool spacing)
{
  auto filter = itk::SignedDanielssonDistanceMapImageFilter<itk::Image<T, D>, itk::Image<float, D>>::New();
  filter->SetInput(input);
  filter->SetInsideIsPositive(insideIsPositive);
  filter->SetSquaredDistance(squared);
  filter->SetUseImageSpacing(spacing);
  filter->Update();
  std::string suffix = label + (insideIsPositive ? "-inside+" : "-inside-") + (squared ? "-squared" : "") +
                       (spacing ? "-spacing" : "");
  family.add("SignedDanielssonDistanceMap/" + suffix, "SignedDanielssonDistanceMap",
             { inputName, ref::flag(insideIsPositive), ref::flag(squared), ref::flag(spacing) },
             family.image("signed-danielsson-" + suffix, filter->GetDistanceMap()), 0.0,
             "distance to the object minus distance to the background dilated by a radius-1 ball");
}

void
cases(Family & family)
{
  auto g3 = Geometry<3>::standard({ 7, 6, 5 });
  auto g2 = Geometry<2>::standard({ 9, 8 });

  auto blob = shaped<uint8_t, 3>(g3, [](auto i) {
    double x = i[0] - 3.2, y = i[1] - 2.4, z = i[2] - 1.9;
    return (x * x + 1.5 * y * y + z * z < 7.0) || (i[0] == 6 && i[1] < 2) ? 1 : 0;
  });
  std::string blobName = family.image("blob-uint8-3d", blob.GetPointer());
  maurer<uint8_t, 3>(family, "uint8-3d", blobName, blob, false, true, false, 0, false);
  maurer<uint8_t, 3>(family, "uint8-3d", blobName, blob, false, false, true, 0);
  maurer<uint8_t, 3>(family, "uint8-3d", blobName, blob, true, true, true, 0);
  maurer<uint8_t, 3>(family, "uint8-3d", blobName, blob, true, false, false, 1);

  auto random3 = ref::random<int16_t, 3>(g3, 21, 0.0, 2.6, true);
  std::string random3Name = family.image("random-int16-3d", random3.GetPointer());
  maurer<int16_t, 3>(family, "int16-3d", random3Name, random3, false, false, true, 0);
  maurer<int16_t, 3>(family, "int16-3d", random3Name, random3, false, true, true, 2);

  auto ring = shaped<uint32_t, 2>(g2, [](auto i) {
    double x = i[0] - 4.0, y = i[1] - 3.5;
    double r = x * x + y * y;
    return r > 3.0 && r < 11.0 ? 5 : 0;
  });
  std::string ringName = family.image("ring-uint32-2d", ring.GetPointer());
  maurer<uint32_t, 2>(family, "uint32-2d", ringName, ring, false, false, true, 0);
  maurer<uint32_t, 2>(family, "uint32-2d", ringName, ring, true, true, false, 0);

  auto empty = shaped<uint8_t, 2>(g2, [](auto) { return 0; });
  std::string emptyName = family.image("empty-uint8-2d", empty.GetPointer());
  maurer<uint8_t, 2>(family, "empty-uint8-2d", emptyName, empty, false, false, true, 0);
  maurer<uint8_t, 2>(family, "empty-uint8-2d", emptyName, empty, false, true, true, 0);
  auto full = shaped<uint8_t, 3>(g3, [](auto) { return 3; });
  std::string fullName = family.image("full-uint8-3d", full.GetPointer());
  maurer<uint8_t, 3>(family, "full-uint8-3d", fullName, full, false, false, true, 0);
  maurer<uint8_t, 3>(family, "full-uint8-3d", fullName, full, true, true, false, 0);

  danielsson<uint8_t, 3>(family, "uint8-3d", blobName, blob, false, false);
  danielsson<uint8_t, 3>(family, "uint8-3d", blobName, blob, true, true);
  danielsson<int16_t, 3>(family, "int16-3d", random3Name, random3, false, true);
  danielsson<uint32_t, 2>(family, "uint32-2d", ringName, ring, false, true);
  danielsson<uint8_t, 2>(family, "empty-uint8-2d", emptyName, empty, false, false);
  signedDanielsson<uint8_t, 3>(family, "uint8-3d", blobName, blob, false, false, false);
  signedDanielsson<uint8_t, 3>(family, "uint8-3d", blobName, blob, true, true, true);
  signedDanielsson<uint32_t, 2>(family, "uint32-2d", ringName, ring, false, false, true);
  signedDanielsson<int16_t, 3>(family, "int16-3d", random3Name, random3, true, false, true);

  auto f32 = ref::random<float, 3>(g3, 22, 0.0, 2.0, true);
  std::string f32Name = family.image("float32-3d", f32.GetPointer());
  family.refuse("SignedMaurerDistanceMap/float32", "SignedMaurerDistanceMap", { f32Name },
                "pixel type 32-bit float is not supported", "SimpleITK instantiates the filter for integer pixels");
}

ref::Register registration("distance", cases);

} // namespace
