// Label images: ConnectedComponent, ScalarConnectedComponent, RelabelComponent, LabelContour,
// BinaryContour, each configured as SimpleITK's procedure configures it.
#include "reference.h"

#include "itkBinaryContourImageFilter.h"
#include "itkImageRegionIteratorWithIndex.h"
#include "itkConnectedComponentImageFilter.h"
#include "itkLabelContourImageFilter.h"
#include "itkRelabelComponentImageFilter.h"
#include "itkScalarConnectedComponentImageFilter.h"

namespace {

using ref::Family;
using ref::Geometry;

// An image whose voxels are fn(index), for shapes the random generator cannot give.
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

// Random values in [0, levels) with a given chance of being non-zero: blobs of several labels.
template <typename T, unsigned D>
typename itk::Image<T, D>::Pointer
labels(const Geometry<D> & g, unsigned seed, double density, int levels, int lowest = 1)
{
  auto image = ref::blank<T, D>(g);
  std::mt19937_64                        engine(seed);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  for (itk::ImageRegionIterator<itk::Image<T, D>> it(image, image->GetLargestPossibleRegion()); !it.IsAtEnd(); ++it)
  {
    double u = uniform(engine);
    it.Set(u < density ? static_cast<T>(lowest + static_cast<int>(uniform(engine) * levels)) : static_cast<T>(0));
  }
  return image;
}

template <typename T, unsigned D>
void
connected(Family & family, const std::string & label, const std::string & inputName,
          const typename itk::Image<T, D>::Pointer & input, bool fully, const std::string & maskName = "",
          const typename itk::Image<uint8_t, D>::Pointer & mask = nullptr)
{
  using Filter = itk::ConnectedComponentImageFilter<itk::Image<T, D>, itk::Image<uint32_t, D>, itk::Image<uint8_t, D>>;
  auto filter = Filter::New();
  filter->SetInput(input);
  if (mask)
    filter->SetMaskImage(mask);
  filter->SetFullyConnected(fully);
  filter->Update();
  std::string id = "ConnectedComponent/" + label + (fully ? "-full" : "-face") + (mask ? "-masked" : "");
  std::vector<std::string> args = { inputName };
  if (mask)
    args.push_back(maskName);
  if (fully || mask)
    args.push_back(ref::flag(fully));
  family.add(id, "ConnectedComponent", args, family.image("cc-" + label + (fully ? "-full" : "-face") + (mask ? "-masked" : ""), filter->GetOutput()), 0.0,
             "labels in raster order of each component's first voxel");
}

template <typename T, unsigned D>
void
scalar(Family & family, const std::string & label, const std::string & inputName,
       const typename itk::Image<T, D>::Pointer & input, double threshold, bool fully)
{
  using Filter = itk::ScalarConnectedComponentImageFilter<itk::Image<T, D>, itk::Image<uint32_t, D>, itk::Image<uint8_t, D>>;
  auto filter = Filter::New();
  filter->SetInput(input);
  filter->SetDistanceThreshold(static_cast<T>(threshold));
  filter->SetFullyConnected(fully);
  filter->Update();
  std::string id = "ScalarConnectedComponent/" + label + (fully ? "-full" : "-face");
  family.add(id, "ScalarConnectedComponent", { inputName, ref::real(threshold), ref::flag(fully) },
             family.image("scc-" + label + (fully ? "-full" : "-face"), filter->GetOutput()), 0.0,
             "provisional labels of ITK's scan: increasing in raster order, not consecutive");
}

template <typename T, unsigned D>
void
relabel(Family & family, const std::string & label, const std::string & inputName,
        const typename itk::Image<T, D>::Pointer & input, unsigned long long minimum, bool sort)
{
  using Filter = itk::RelabelComponentImageFilter<itk::Image<T, D>, itk::Image<T, D>>;
  auto filter = Filter::New();
  filter->SetInput(input);
  filter->SetMinimumObjectSize(minimum);
  filter->SetSortByObjectSize(sort);
  filter->Update();
  std::string suffix = label + "-min" + std::to_string(minimum) + (sort ? "-sorted" : "-unsorted");
  family.add("RelabelComponent/" + suffix, "RelabelComponent",
             { inputName, ref::real(static_cast<double>(minimum)), ref::flag(sort) },
             family.image("relabel-" + suffix, filter->GetOutput()), 0.0,
             "by decreasing size, ties by increasing label");
}

template <typename T, unsigned D>
void
labelContour(Family & family, const std::string & label, const std::string & inputName,
             const typename itk::Image<T, D>::Pointer & input, bool fully, double background)
{
  using Filter = itk::LabelContourImageFilter<itk::Image<T, D>, itk::Image<T, D>>;
  auto filter = Filter::New();
  filter->SetInput(input);
  filter->SetFullyConnected(fully);
  filter->SetBackgroundValue(static_cast<T>(background));
  filter->Update();
  std::string suffix = label + (fully ? "-full" : "-face") + "-bg" + std::to_string(static_cast<int>(background));
  family.add("LabelContour/" + suffix, "LabelContour", { inputName, ref::flag(fully), ref::real(background) },
             family.image("labelcontour-" + suffix, filter->GetOutput()), 0.0);
}

template <typename T, unsigned D>
void
binaryContour(Family & family, const std::string & label, const std::string & inputName,
              const typename itk::Image<T, D>::Pointer & input, bool fully, double background, double foreground)
{
  using Filter = itk::BinaryContourImageFilter<itk::Image<T, D>, itk::Image<T, D>>;
  auto filter = Filter::New();
  filter->SetInput(input);
  filter->SetFullyConnected(fully);
  filter->SetBackgroundValue(static_cast<T>(background));
  filter->SetForegroundValue(static_cast<T>(foreground));
  filter->Update();
  std::string suffix = label + (fully ? "-full" : "-face") + "-fg" + std::to_string(static_cast<int>(foreground));
  family.add("BinaryContour/" + suffix, "BinaryContour",
             { inputName, ref::flag(fully), ref::real(background), ref::real(foreground) },
             family.image("binarycontour-" + suffix, filter->GetOutput()), 0.0,
             "voxels other than the foreground keep their value");
}

void
cases(Family & family)
{
  auto g3 = Geometry<3>::standard({ 7, 6, 5 });
  auto g2 = Geometry<2>::standard({ 9, 8 });

  auto mask3 = labels<uint8_t, 3>(g3, 11, 0.45, 1);
  std::string mask3Name = family.image("mask-uint8-3d", mask3.GetPointer());
  connected<uint8_t, 3>(family, "uint8-3d", mask3Name, mask3, false);
  connected<uint8_t, 3>(family, "uint8-3d", mask3Name, mask3, true);

  auto region3 = shaped<uint8_t, 3>(g3, [](auto idx) { return idx[0] < 5 && idx[2] > 0 ? 1 : 0; });
  std::string region3Name = family.image("region-uint8-3d", region3.GetPointer());
  connected<uint8_t, 3>(family, "uint8-3d", mask3Name, mask3, false, region3Name, region3);

  auto s16 = labels<int16_t, 2>(g2, 12, 0.5, 7, -3);
  std::string s16Name = family.image("labels-int16-2d", s16.GetPointer());
  connected<int16_t, 2>(family, "int16-2d", s16Name, s16, false);
  connected<int16_t, 2>(family, "int16-2d", s16Name, s16, true);

  auto u64 = labels<uint64_t, 3>(g3, 13, 0.6, 3);
  std::string u64Name = family.image("labels-uint64-3d", u64.GetPointer());
  connected<uint64_t, 3>(family, "uint64-3d", u64Name, u64, false);

  auto f32 = ref::random<float, 3>(g3, 14, 0.0, 6.0, true);
  std::string f32Name = family.image("levels-float32-3d", f32.GetPointer());
  family.refuse("ConnectedComponent/float32", "ConnectedComponent", { f32Name },
                "pixel type 32-bit float is not supported", "the filter is instantiated for integer pixels");
  family.refuse("ConnectedComponent/int16-mask", "ConnectedComponent", { s16Name, s16Name },
                "maskImage must have pixel type 8-bit unsigned integer", "SimpleITK casts the mask to uint8 images only");

  scalar<float, 3>(family, "float32-3d", f32Name, f32, 1.0, false);
  scalar<float, 3>(family, "float32-3d", f32Name, f32, 0.0, true);
  auto s8 = ref::random<int8_t, 2>(g2, 15, -128.0, 128.0, true);
  std::string s8Name = family.image("int8-2d", s8.GetPointer());
  scalar<int8_t, 2>(family, "int8-2d", s8Name, s8, 40.0, false);
  scalar<int8_t, 2>(family, "int8-2d", s8Name, s8, 0.0, true);

  relabel<int16_t, 2>(family, "int16-2d", s16Name, s16, 0, true);
  relabel<int16_t, 2>(family, "int16-2d", s16Name, s16, 0, false);
  relabel<int16_t, 2>(family, "int16-2d", s16Name, s16, 9, true);
  relabel<uint64_t, 3>(family, "uint64-3d", u64Name, u64, 0, true);
  auto many = shaped<int8_t, 2>(Geometry<2>::standard({ 16, 16 }), [](auto idx) { return idx[0] + 16 * idx[1] - 128; });
  std::string manyName = family.image("all-int8-2d", many.GetPointer());
  family.refuse("RelabelComponent/int8-overflow", "RelabelComponent", { manyName },
                "output voxel range exceeded", "255 objects do not fit the 127 labels of int8");

  auto blocks3 = shaped<int16_t, 3>(g3, [](auto idx) { return (idx[0] / 3 + idx[1] / 2 + idx[2] / 2) % 4; });
  std::string blocks3Name = family.image("blocks-int16-3d", blocks3.GetPointer());
  labelContour<int16_t, 3>(family, "int16-3d", blocks3Name, blocks3, false, 0);
  labelContour<int16_t, 3>(family, "int16-3d", blocks3Name, blocks3, true, 0);
  labelContour<int16_t, 3>(family, "int16-3d", blocks3Name, blocks3, false, 2);
  auto blocks2 = shaped<uint8_t, 2>(g2, [](auto idx) { return ((idx[0] + 1) / 3 + idx[1] / 3) % 3; });
  std::string blocks2Name = family.image("blocks-uint8-2d", blocks2.GetPointer());
  labelContour<uint8_t, 2>(family, "uint8-2d", blocks2Name, blocks2, true, 0);

  binaryContour<uint8_t, 3>(family, "uint8-3d", mask3Name, mask3, false, 0, 1);
  binaryContour<uint8_t, 3>(family, "uint8-3d", mask3Name, mask3, true, 0, 1);
  binaryContour<int16_t, 3>(family, "int16-3d", blocks3Name, blocks3, false, 7, 2);
  binaryContour<uint8_t, 2>(family, "uint8-2d", blocks2Name, blocks2, true, 0, 1);
  family.refuse("BinaryContour/float32", "BinaryContour", { f32Name }, "pixel type 32-bit float is not supported");
}

ref::Register registration("labels", cases);

} // namespace
