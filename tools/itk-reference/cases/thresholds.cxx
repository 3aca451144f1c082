// Histogram thresholds: HistogramThresholdImageFilter with each of ITK's calculators, and
// OtsuMultipleThresholds, as SimpleITK configures them (uint8 output and mask, its default
// bins, inside 1 / outside 0, mask value 255). The images are larger than the other families'
// so that a threshold one bin off, or off within a bin, changes voxels of the output.
#include "reference.h"
#include "pointwise.h"

#include <algorithm>
#include <array>

#include "itkHuangThresholdImageFilter.h"
#include "itkImageRegionIteratorWithIndex.h"
#include "itkIntermodesThresholdImageFilter.h"
#include "itkIsoDataThresholdImageFilter.h"
#include "itkKittlerIllingworthThresholdImageFilter.h"
#include "itkLiThresholdImageFilter.h"
#include "itkMaximumEntropyThresholdImageFilter.h"
#include "itkMomentsThresholdImageFilter.h"
#include "itkOtsuMultipleThresholdsImageFilter.h"
#include "itkOtsuThresholdImageFilter.h"
#include "itkRenyiEntropyThresholdImageFilter.h"
#include "itkShanbhagThresholdImageFilter.h"
#include "itkTriangleThresholdImageFilter.h"
#include "itkYenThresholdImageFilter.h"

namespace {

using ref::Family;
using ref::Geometry;
using pw::Input;

template <typename T, unsigned D>
using Img = itk::Image<T, D>;

// Voxels drawn from a mixture of normal classes {mean, sigma, weight}, clipped to [lo, hi].
template <typename T, unsigned D>
Input<T, D>
mixture(Family & family, const std::string & name, const Geometry<D> & g, unsigned seed,
        const std::vector<std::array<double, 3>> & classes, double lo, double hi, bool whole)
{
  auto image = ref::blank<T, D>(g);
  std::mt19937_64 engine(seed);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  double total = 0;
  for (const auto & c : classes)
    total += c[2];
  for (itk::ImageRegionIterator<Img<T, D>> it(image, image->GetLargestPossibleRegion()); !it.IsAtEnd(); ++it)
  {
    double pick = uniform(engine) * total;
    const std::array<double, 3> * chosen = &classes.back();
    for (const auto & c : classes)
    {
      if (pick < c[2])
      {
        chosen = &c;
        break;
      }
      pick -= c[2];
    }
    double sum = 0;
    for (int k = 0; k < 12; ++k)
      sum += uniform(engine);
    double v = std::clamp((*chosen)[0] + (*chosen)[1] * (sum - 6.0), lo, hi);
    it.Set(static_cast<T>(whole ? std::floor(v) : v));
  }
  return { image, family.image(name, image.GetPointer()) };
}

// A 0/1 uint8 mask: the voxels within `radius` (in voxels) of the centre.
template <unsigned D>
Input<uint8_t, D>
disk(Family & family, const std::string & name, const Geometry<D> & g, double radius)
{
  auto image = ref::blank<uint8_t, D>(g);
  for (itk::ImageRegionIteratorWithIndex<Img<uint8_t, D>> it(image, image->GetLargestPossibleRegion()); !it.IsAtEnd();
       ++it)
  {
    double r2 = 0;
    for (unsigned d = 0; d < D; ++d)
    {
      double c = it.GetIndex()[d] - (g.size[d] - 1) / 2.0;
      r2 += c * c;
    }
    it.Set(r2 <= radius * radius ? 1 : 0);
  }
  return { image, family.image(name, image.GetPointer()) };
}

// An ITK exception's message without its "ITK ERROR: Class(0x...): " prefix, which names an
// address.
std::string
message(const std::string & description)
{
  std::string out = description;
  const std::string prefix = "ITK ERROR: ";
  if (out.rfind(prefix, 0) == 0)
    out = out.substr(prefix.size());
  auto object = out.find("): ");
  if (object != std::string::npos && out.find("(0x") < object)
    out = out.substr(object + 3);
  return out;
}

// What a program passes after the image (and mask): SimpleITK's member order.
struct Settings
{
  int    inside = 1;
  int    outside = 0;
  int    bins = 256;
  bool   maskOutput = true;
  int    maskValue = 255;
  bool   midpoint = false;
  bool   otsu = false;
  std::string label;
};

template <typename TFilter, typename T, unsigned D>
void
run(Family & family, const std::string & procedure, const Input<T, D> & image, const Input<uint8_t, D> * mask,
    const Settings & s)
{
  auto filter = TFilter::New();
  filter->SetInput(image.image);
  std::vector<std::string> args{ image.json };
  if (mask)
  {
    filter->SetMaskImage(mask->image);
    args.push_back(mask->json);
  }
  filter->SetInsideValue(static_cast<uint8_t>(s.inside));
  filter->SetOutsideValue(static_cast<uint8_t>(s.outside));
  filter->SetNumberOfHistogramBins(s.bins);
  filter->SetMaskOutput(s.maskOutput);
  filter->SetMaskValue(static_cast<uint8_t>(s.maskValue));
  for (double v : { static_cast<double>(s.inside), static_cast<double>(s.outside), static_cast<double>(s.bins) })
    args.push_back(ref::real(v));
  args.push_back(ref::flag(s.maskOutput));
  args.push_back(ref::real(s.maskValue));
  if constexpr (std::is_same_v<TFilter, itk::OtsuThresholdImageFilter<Img<T, D>, Img<uint8_t, D>, Img<uint8_t, D>>>)
  {
    filter->SetReturnBinMidpoint(s.midpoint);
    args.push_back(ref::flag(s.midpoint));
  }
  std::string id = procedure + "/" + s.label;
  std::string file;
  for (char c : id)
    file += c == '/' ? '-' : c;
  try
  {
    filter->Update();
  }
  catch (const itk::ExceptionObject & e)
  {
    family.refuse(id, procedure, args, message(e.GetDescription()), "ITK's calculator refuses this histogram");
    return;
  }
  family.add(id, procedure, args, family.image(file, filter->GetOutput()), 0,
             "threshold " + ref::real(static_cast<double>(filter->GetThreshold())));
}

// Every calculator on one input.
template <typename T, unsigned D>
void
all(Family & family, const Input<T, D> & image, const Input<uint8_t, D> * mask, Settings s)
{
  using I = Img<T, D>;
  using U = Img<uint8_t, D>;
  std::string label = s.label;
  Settings otsu = s;
  if (s.bins == 256)
    otsu.bins = 128;
  run<itk::OtsuThresholdImageFilter<I, U, U>>(family, "OtsuThreshold", image, mask, otsu);
  run<itk::HuangThresholdImageFilter<I, U, U>>(family, "HuangThreshold", image, mask, otsu);
  run<itk::TriangleThresholdImageFilter<I, U, U>>(family, "TriangleThreshold", image, mask, s);
  run<itk::IsoDataThresholdImageFilter<I, U, U>>(family, "IsoDataThreshold", image, mask, s);
  run<itk::LiThresholdImageFilter<I, U, U>>(family, "LiThreshold", image, mask, s);
  run<itk::MaximumEntropyThresholdImageFilter<I, U, U>>(family, "MaximumEntropyThreshold", image, mask, s);
  run<itk::MomentsThresholdImageFilter<I, U, U>>(family, "MomentsThreshold", image, mask, s);
  run<itk::YenThresholdImageFilter<I, U, U>>(family, "YenThreshold", image, mask, s);
  run<itk::RenyiEntropyThresholdImageFilter<I, U, U>>(family, "RenyiEntropyThreshold", image, mask, s);
  run<itk::ShanbhagThresholdImageFilter<I, U, U>>(family, "ShanbhagThreshold", image, mask, s);
  run<itk::KittlerIllingworthThresholdImageFilter<I, U, U>>(family, "KittlerIllingworthThreshold", image, mask, s);
  run<itk::IntermodesThresholdImageFilter<I, U, U>>(family, "IntermodesThreshold", image, mask, s);
}

template <typename T, unsigned D>
void
multiple(Family & family, const std::string & label, const Input<T, D> & image, int thresholds, int offset, int bins,
         bool valley, bool midpoint)
{
  auto filter = itk::OtsuMultipleThresholdsImageFilter<Img<T, D>, Img<uint8_t, D>>::New();
  filter->SetInput(image.image);
  filter->SetNumberOfThresholds(thresholds);
  filter->SetLabelOffset(static_cast<uint8_t>(offset));
  filter->SetNumberOfHistogramBins(bins);
  filter->SetValleyEmphasis(valley);
  filter->SetReturnBinMidpoint(midpoint);
  filter->Update();
  std::string thresholdsText;
  for (double t : filter->GetThresholds())
    thresholdsText += " " + ref::real(t);
  std::string id = "OtsuMultipleThresholds/" + label;
  std::string file;
  for (char c : id)
    file += c == '/' ? '-' : c;
  family.add(id, "OtsuMultipleThresholds",
             { image.json, ref::real(thresholds), ref::real(offset), ref::real(bins), ref::flag(valley),
               ref::flag(midpoint) },
             family.image(file, filter->GetOutput()), 0, "thresholds" + thresholdsText);
}

void
thresholds(Family & family)
{
  auto g2 = Geometry<2>::standard({ 64, 48 });
  auto g3 = Geometry<3>::standard({ 16, 12, 10 });

  auto u8 = mixture<uint8_t, 2>(family, "uint8-2d", g2, 61, { { 70, 15, 1 }, { 170, 20, 1.5 } }, 0, 255, true);
  auto f32 = mixture<float, 3>(family, "float32-3d", g3, 62, { { -200, 50, 2 }, { 300, 80, 1 } }, -1e9, 1e9, false);
  auto i16 = mixture<int16_t, 2>(family, "int16-2d", g2, 63, { { -500, 100, 1 }, { 200, 80, 1 }, { 900, 120, 1 } },
                                 -32768, 32767, true);
  auto f64 = mixture<double, 2>(family, "float64-2d", g2, 64, { { 10, 3, 4 }, { 40, 15, 1 } }, 0, 1e9, false);
  auto u8mask = disk<2>(family, "uint8-2d-disk", g2, 18);
  auto f32mask = disk<3>(family, "uint8-3d-disk", g3, 5);

  Settings s;
  s.label = "uint8-2d";
  all<uint8_t, 2>(family, u8, nullptr, s);
  s.label = "float32-3d";
  all<float, 3>(family, f32, nullptr, s);
  s.label = "int16-2d";
  all<int16_t, 2>(family, i16, nullptr, s);
  s.label = "float64-2d";
  all<double, 2>(family, f64, nullptr, s);

  Settings masked;
  masked.label = "uint8-2d-masked";
  masked.maskValue = 1;
  all(family, u8, &u8mask, masked);
  masked.label = "float32-3d-masked";
  all(family, f32, &f32mask, masked);

  Settings vox1;
  vox1.inside = 0;
  vox1.outside = 1;
  vox1.bins = 64;
  vox1.maskValue = 1;
  vox1.otsu = true;
  using U2 = Img<uint8_t, 2>;
  using F3 = Img<float, 3>;
  using U3 = Img<uint8_t, 3>;
  vox1.label = "uint8-2d-as-vox1-otsu";
  run<itk::OtsuThresholdImageFilter<U2, U2, U2>>(family, "OtsuThreshold", u8, &u8mask, vox1);
  vox1.label = "float32-3d-as-vox1-otsu";
  run<itk::OtsuThresholdImageFilter<F3, U3, U3>>(family, "OtsuThreshold", f32, &f32mask, vox1);

  Settings unmaskedOutput = masked;
  unmaskedOutput.label = "uint8-2d-masked-output-unmasked";
  unmaskedOutput.maskOutput = false;
  unmaskedOutput.bins = 37;
  run<itk::OtsuThresholdImageFilter<U2, U2, U2>>(family, "OtsuThreshold", u8, &u8mask, unmaskedOutput);
  run<itk::TriangleThresholdImageFilter<U2, U2, U2>>(family, "TriangleThreshold", u8, &u8mask, unmaskedOutput);

  Settings midpoint;
  midpoint.bins = 128;
  midpoint.midpoint = true;
  midpoint.inside = 200;
  midpoint.outside = 7;
  midpoint.label = "float32-3d-midpoint";
  run<itk::OtsuThresholdImageFilter<F3, U3, U3>, float, 3>(family, "OtsuThreshold", f32, nullptr, midpoint);

  Settings empty;
  empty.label = "uint8-2d-mask-value-absent";
  run<itk::OtsuThresholdImageFilter<U2, U2, U2>>(family, "OtsuThreshold", u8, &u8mask, empty);
  run<itk::TriangleThresholdImageFilter<U2, U2, U2>>(family, "TriangleThreshold", u8, &u8mask, empty);

  family.refuse("OtsuThreshold/float-mask", "OtsuThreshold", { f32.json, f32.json },
                "maskImage must be 8-bit unsigned integer", "SimpleITK's mask is uint8");
  family.refuse("HuangThreshold/mask-size", "HuangThreshold", { u8.json, f32mask.json },
                "which does not match the primary input's dimension");
  family.refuse("OtsuThreshold/no-bins", "OtsuThreshold", { u8.json, ref::real(1), ref::real(0), ref::real(0) },
                "numberOfHistogramBins must be at least 1");

  multiple<int16_t, 2>(family, "int16-2d-two", i16, 2, 0, 128, false, false);
  multiple<int16_t, 2>(family, "int16-2d-two-offset-midpoint", i16, 2, 10, 64, false, true);
  multiple<uint8_t, 2>(family, "uint8-2d", u8, 1, 0, 128, false, false);
  multiple<uint8_t, 2>(family, "uint8-2d-three-valley", u8, 3, 0, 32, true, false);
  multiple<float, 3>(family, "float32-3d-valley", f32, 1, 0, 100, true, false);
  multiple<double, 2>(family, "float64-2d-two", f64, 2, 1, 50, false, false);
}

ref::Register registration("thresholds", thresholds);

} // namespace
