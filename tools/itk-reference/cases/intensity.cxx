// Intensity filters: masking, clamping, rescaling, windowing, shift-scale, normalisation,
// inversion, sigmoid and the two thresholds, configured as SimpleITK configures them: members
// SimpleITK declares in the input or output pixel type are cast to it at run time.
#include "reference.h"
#include "pointwise.h"

#include "itkBinaryFunctorImageFilter.h"
#include "itkBinaryThresholdImageFilter.h"
#include "itkClampImageFilter.h"
#include "itkIntensityWindowingImageFilter.h"
#include "itkInvertIntensityImageFilter.h"
#include "itkLogicOpsFunctors.h"
#include "itkMaskImageFilter.h"
#include "itkMaskNegatedImageFilter.h"
#include "itkMultiThreaderBase.h"
#include "itkNormalizeImageFilter.h"
#include "itkNormalizeToConstantImageFilter.h"
#include "itkRescaleIntensityImageFilter.h"
#include "itkShiftScaleImageFilter.h"
#include "itkSigmoidImageFilter.h"
#include "itkThresholdImageFilter.h"

namespace {

using ref::Family;
using ref::Geometry;
using pw::Input;
using pw::input;
using pw::toPixel;

template <typename T, unsigned D>
using Img = itk::Image<T, D>;

std::string
fileName(const std::string & id)
{
  std::string out;
  for (char c : id)
    out += (c == '/' || c == ' ') ? '-' : c;
  return out;
}

// Runs `filter` and records the case with the arguments a program passes.
template <typename TFilter>
void
record(Family & family, const std::string & id, const std::string & procedure, TFilter * filter,
       const std::vector<std::string> & args, double tolerance = 0, const std::string & note = "")
{
  filter->Update();
  family.add(id, procedure, args, family.image(fileName(id), filter->GetOutput()), tolerance, note);
}

std::vector<std::string>
reals(const std::string & image, std::initializer_list<double> values)
{
  std::vector<std::string> out{ image };
  for (double v : values)
    out.push_back(ref::real(v));
  return out;
}

// SimpleITK's Mask: a uint8 mask is used as it is; an integer mask becomes
// NotEqual(mask, maskingValue) first, and the masking value still applies, cast to uint8.
template <typename T, typename M, unsigned D>
void
mask(Family & family, const std::string & label, const Input<T, D> & image, const Input<M, D> & mask,
     double outside, double masking, const std::string & note = "")
{
  using I = Img<T, D>;
  using U = Img<uint8_t, D>;
  auto filter = itk::MaskImageFilter<I, U, I>::New();
  filter->SetInput(image.image);
  typename U::Pointer m;
  if constexpr (std::is_same_v<M, uint8_t>)
  {
    m = mask.image;
  }
  else
  {
    using NotEqual = itk::BinaryFunctorImageFilter<Img<M, D>, Img<M, D>, U, itk::Functor::NotEqual<M, M, uint8_t>>;
    auto ne = NotEqual::New();
    ne->SetInput1(mask.image);
    ne->SetConstant2(toPixel<M>(masking));
    ne->Update();
    m = ne->GetOutput();
  }
  filter->SetMaskImage(m);
  filter->SetOutsideValue(toPixel<T>(outside));
  filter->SetMaskingValue(toPixel<uint8_t>(masking));
  record(family, "Mask/" + label, "Mask", filter.GetPointer(),
         { image.json, mask.json, ref::real(outside), ref::real(masking) }, 0, note);
}

template <typename T, unsigned D>
void
maskNegated(Family & family, const std::string & label, const Input<T, D> & image, const Input<uint8_t, D> & mask,
            double outside, double masking)
{
  using I = Img<T, D>;
  using U = Img<uint8_t, D>;
  auto filter = itk::MaskNegatedImageFilter<I, U, I>::New();
  filter->SetInput(image.image);
  filter->SetMaskImage(mask.image);
  filter->SetOutsideValue(toPixel<T>(outside));
  filter->SetMaskingValue(toPixel<uint8_t>(masking));
  record(family, "MaskNegated/" + label, "MaskNegated", filter.GetPointer(),
         { image.json, mask.json, ref::real(outside), ref::real(masking) });
}

// SimpleITK's Clamp: the bounds start at the output type's range and narrow to the given ones.
template <typename T, typename O, unsigned D>
void
clamp(Family & family, const std::string & label, const Input<T, D> & image, long long pixelId, double lowerBound,
      double upperBound)
{
  auto filter = itk::ClampImageFilter<Img<T, D>, Img<O, D>>::New();
  filter->SetInput(image.image);
  O lower = itk::NumericTraits<O>::NonpositiveMin();
  if (lower < lowerBound)
    lower = toPixel<O>(lowerBound);
  O upper = itk::NumericTraits<O>::max();
  if (upper > upperBound)
    upper = toPixel<O>(upperBound);
  filter->SetBounds(lower, upper);
  record(family, "Clamp/" + label, "Clamp", filter.GetPointer(),
         reals(image.json, { static_cast<double>(pixelId), lowerBound, upperBound }));
}

template <typename T, unsigned D>
void
rescale(Family & family, const std::string & label, const Input<T, D> & image, double min, double max)
{
  auto filter = itk::RescaleIntensityImageFilter<Img<T, D>, Img<T, D>>::New();
  filter->SetInput(image.image);
  filter->SetOutputMinimum(toPixel<T>(min));
  filter->SetOutputMaximum(toPixel<T>(max));
  record(family, "RescaleIntensity/" + label, "RescaleIntensity", filter.GetPointer(), reals(image.json, { min, max }));
}

template <typename T, unsigned D>
void
window(Family & family, const std::string & label, const Input<T, D> & image, double windowMin, double windowMax,
       double outMin, double outMax)
{
  auto filter = itk::IntensityWindowingImageFilter<Img<T, D>, Img<T, D>>::New();
  filter->SetInput(image.image);
  filter->SetWindowMinimum(toPixel<T>(windowMin));
  filter->SetWindowMaximum(toPixel<T>(windowMax));
  filter->SetOutputMinimum(toPixel<T>(outMin));
  filter->SetOutputMaximum(toPixel<T>(outMax));
  record(family, "IntensityWindowing/" + label, "IntensityWindowing", filter.GetPointer(),
         reals(image.json, { windowMin, windowMax, outMin, outMax }));
}

template <typename T, typename O, unsigned D>
void
shiftScale(Family & family, const std::string & label, const Input<T, D> & image, double shift, double scale,
           long long pixelId)
{
  auto filter = itk::ShiftScaleImageFilter<Img<T, D>, Img<O, D>>::New();
  filter->SetInput(image.image);
  filter->SetShift(shift);
  filter->SetScale(scale);
  record(family, "ShiftScale/" + label, "ShiftScale", filter.GetPointer(),
         reals(image.json, { shift, scale, static_cast<double>(pixelId) }));
}

template <typename T, unsigned D>
void
normalize(Family & family, const std::string & label, const Input<T, D> & image)
{
  auto filter = itk::NormalizeImageFilter<Img<T, D>, Img<double, D>>::New();
  filter->SetInput(image.image);
  record(family, "Normalize/" + label, "Normalize", filter.GetPointer(), { image.json }, 0,
         "statistics on one thread; with more, ITK's partial sums change the last bits");
  auto toConstant = itk::NormalizeToConstantImageFilter<Img<T, D>, Img<double, D>>::New();
  toConstant->SetInput(image.image);
  toConstant->SetConstant(10.0);
  toConstant->SetNumberOfWorkUnits(1);
  record(family, "NormalizeToConstant/" + label, "NormalizeToConstant", toConstant.GetPointer(),
         reals(image.json, { 10.0 }), 0, "the sum on one thread");
}

template <typename T, unsigned D>
void
invert(Family & family, const std::string & label, const Input<T, D> & image, double maximum)
{
  auto filter = itk::InvertIntensityImageFilter<Img<T, D>, Img<T, D>>::New();
  filter->SetInput(image.image);
  filter->SetMaximum(toPixel<T>(maximum));
  record(family, "InvertIntensity/" + label, "InvertIntensity", filter.GetPointer(), reals(image.json, { maximum }),
         0, "maximum - x in the pixel type");
}

template <typename T, unsigned D>
void
sigmoid(Family & family, const std::string & label, const Input<T, D> & image, double alpha, double beta,
        double outMax, double outMin, double tolerance = 0)
{
  auto filter = itk::SigmoidImageFilter<Img<T, D>, Img<T, D>>::New();
  filter->SetInput(image.image);
  filter->SetAlpha(alpha);
  filter->SetBeta(beta);
  filter->SetOutputMaximum(toPixel<T>(outMax));
  filter->SetOutputMinimum(toPixel<T>(outMin));
  record(family, "Sigmoid/" + label, "Sigmoid", filter.GetPointer(), reals(image.json, { alpha, beta, outMax, outMin }),
         tolerance, tolerance > 0 ? "std::exp within an ulp" : "");
}

// SimpleITK's Threshold: the double extremes stand for the pixel type's.
template <typename T, unsigned D>
void
threshold(Family & family, const std::string & label, const Input<T, D> & image, double lower, double upper,
          double outside)
{
  auto filter = itk::ThresholdImageFilter<Img<T, D>>::New();
  filter->SetInput(image.image);
  filter->SetLower(lower == -std::numeric_limits<double>::max() ? itk::NumericTraits<T>::NonpositiveMin()
                                                                  : toPixel<T>(lower));
  filter->SetUpper(upper == std::numeric_limits<double>::max() ? itk::NumericTraits<T>::max() : toPixel<T>(upper));
  filter->SetOutsideValue(toPixel<T>(outside));
  record(family, "Threshold/" + label, "Threshold", filter.GetPointer(), reals(image.json, { lower, upper, outside }));
}

template <typename T, unsigned D>
void
binaryThreshold(Family & family, const std::string & label, const Input<T, D> & image, double lower, double upper,
                int inside, int outside)
{
  auto filter = itk::BinaryThresholdImageFilter<Img<T, D>, Img<uint8_t, D>>::New();
  filter->SetInput(image.image);
  filter->SetLowerThreshold(toPixel<T>(lower));
  filter->SetUpperThreshold(toPixel<T>(upper));
  filter->SetInsideValue(static_cast<uint8_t>(inside));
  filter->SetOutsideValue(static_cast<uint8_t>(outside));
  record(family, "BinaryThreshold/" + label, "BinaryThreshold", filter.GetPointer(),
         reals(image.json, { lower, upper, static_cast<double>(inside), static_cast<double>(outside) }), 0,
         "thresholds cast to the pixel type");
}

void
intensity(Family & family)
{
  const auto threads = itk::MultiThreaderBase::GetGlobalDefaultNumberOfThreads();
  itk::MultiThreaderBase::SetGlobalDefaultNumberOfThreads(1);

  auto g3 = Geometry<3>::standard({ 7, 6, 5 });
  auto g2 = Geometry<2>::standard({ 9, 8 });
  const double lowest = -std::numeric_limits<double>::max();
  const double highest = std::numeric_limits<double>::max();

  auto f32 = input<float, 3>(family, "float32-3d", g3, 41, -100, 100, false);
  auto f32c = input<float, 3>(family, "float32-3d-constant", g3, 42, 5, 5, false);
  auto f32z = input<float, 3>(family, "float32-3d-zero", g3, 43, 0, 0, false);
  auto f64 = input<double, 2>(family, "float64-2d", g2, 44, -300, 300, false);
  auto u8 = input<uint8_t, 3>(family, "uint8-3d", g3, 45, 0, 256, true);
  auto u8m = input<uint8_t, 3>(family, "uint8-3d-mask", g3, 46, 0, 3, true);
  auto i8 = input<int8_t, 3>(family, "int8-3d", g3, 47, -128, 128, true);
  auto i16 = input<int16_t, 2>(family, "int16-2d", g2, 48, -2000, 2000, true);
  auto i16m = input<int16_t, 2>(family, "int16-2d-mask", g2, 49, -1, 4, true);
  auto u16 = input<uint16_t, 2>(family, "uint16-2d", g2, 50, 0, 65536, true);
  auto u64 = input<uint64_t, 3>(family, "uint64-3d", g3, 51, 0, 1.8e19, true);
  auto u8m2 = input<uint8_t, 2>(family, "uint8-2d-mask", g2, 52, 0, 2, true);

  mask<float, uint8_t, 3>(family, "float32-3d", f32, u8m, 0, 0);
  mask<float, uint8_t, 3>(family, "float32-3d-masking-value", f32, u8m, -1.5, 2);
  mask<uint8_t, uint8_t, 3>(family, "uint8-3d", u8, u8m, 300, 0, "the outside value is cast: 300 is 44");
  mask<int16_t, int16_t, 2>(family, "int16-2d-integer-mask", i16, i16m, 7, 0,
                            "SimpleITK casts an integer mask with NotEqual(mask, maskingValue)");
  mask<int16_t, int16_t, 2>(family, "int16-2d-integer-mask-masking-value", i16, i16m, 7, 3,
                            "the masking value then applies to the 0/1 mask again: every voxel is kept");
  mask<double, uint8_t, 2>(family, "float64-2d", f64, u8m2, 0.25, 1);
  maskNegated<float, 3>(family, "float32-3d", f32, u8m, 0, 0);
  maskNegated<int16_t, 2>(family, "int16-2d", i16, u8m2, -9, 1);
  family.refuse("Mask/float-mask", "Mask", { f32.json, f32.json }, "mask pixel type 32-bit float is not supported");
  family.refuse("MaskNegated/integer-mask", "MaskNegated", { i16.json, i16m.json },
                "mask pixel type 16-bit signed integer is not supported", "MaskNegated takes a uint8 mask only");
  family.refuse("Mask/dimensions-differ", "Mask", { u8.json, u8m2.json }, "which does not match the primary input's dimension");

  clamp<float, uint8_t, 3>(family, "float32-3d-to-uint8", f32, 1, 10.5, 200.7);
  clamp<float, float, 3>(family, "float32-3d-defaults", f32, -1, lowest, highest);
  clamp<int16_t, int16_t, 2>(family, "int16-2d", i16, -1, -100, 100);
  clamp<double, int8_t, 2>(family, "float64-2d-to-int8", f64, 0, lowest, highest);
  clamp<uint64_t, float, 3>(family, "uint64-3d-to-float32", u64, 8, lowest, highest);
  clamp<uint64_t, int64_t, 3>(family, "uint64-3d-to-int64", u64, 6, 0, highest);
  family.refuse("Clamp/invalid-bounds", "Clamp", reals(f32.json, { -1, 50, 10 }), "invalid bounds");

  rescale<uint8_t, 3>(family, "uint8-3d", u8, 0, 255);
  rescale<float, 3>(family, "float32-3d", f32, -1, 1);
  rescale<int16_t, 2>(family, "int16-2d", i16, 0, 1000);
  rescale<float, 3>(family, "float32-3d-constant", f32c, 0, 255);
  rescale<float, 3>(family, "float32-3d-zero", f32z, 10, 20);
  family.refuse("RescaleIntensity/minimum-above-maximum", "RescaleIntensity", reals(u8.json, { 200, 100 }),
                "Minimum output value cannot be greater than Maximum output value.");

  window<float, 3>(family, "float32-3d", f32, -50, 50, 0, 255);
  window<uint8_t, 3>(family, "uint8-3d", u8, 30, 200, 0, 100);
  window<int16_t, 2>(family, "int16-2d", i16, -500.5, 500.5, -1, 1);

  shiftScale<uint8_t, uint8_t, 3>(family, "uint8-3d", u8, 10, 2, -1);
  shiftScale<float, int16_t, 3>(family, "float32-3d-to-int16", f32, -0.5, 400, 2);
  shiftScale<int16_t, double, 2>(family, "int16-2d-to-float64", i16, 3, 0.5, 9);
  shiftScale<uint64_t, uint64_t, 3>(family, "uint64-3d", u64, 0, 1.5, -1);

  normalize<float, 3>(family, "float32-3d", f32);
  normalize<uint8_t, 3>(family, "uint8-3d", u8);
  normalize<int16_t, 2>(family, "int16-2d", i16);
  family.refuse("NormalizeToConstant/zero-sum", "NormalizeToConstant", { f32z.json },
                "The constant value used as denominator should not be set to zero");

  invert<uint8_t, 3>(family, "uint8-3d", u8, 255);
  invert<int8_t, 3>(family, "int8-3d", i8, 255);
  invert<float, 3>(family, "float32-3d", f32, 100);
  invert<uint16_t, 2>(family, "uint16-2d", u16, 1000);

  sigmoid<float, 3>(family, "float32-3d", f32, 10, 0, 1, 0);
  sigmoid<uint8_t, 3>(family, "uint8-3d", u8, 20, 128, 255, 0);
  sigmoid<int16_t, 2>(family, "int16-2d", i16, 100, 0, 1000, -1000);
  sigmoid<double, 2>(family, "float64-2d", f64, -30, 10, 2, -2, 1e-15);
  sigmoid<uint8_t, 3>(family, "uint8-3d-inverted-range", u8, 20, 128, 10, 200);

  threshold<float, 3>(family, "float32-3d", f32, -50, 50, -100);
  threshold<uint8_t, 3>(family, "uint8-3d", u8, 100.5, 200.5, 7);
  threshold<float, 3>(family, "float32-3d-below", f32, lowest, 0, 0);
  threshold<uint8_t, 3>(family, "uint8-3d-above", u8, 50, highest, 1);

  binaryThreshold<uint8_t, 3>(family, "uint8-3d", u8, 40.5, 180.2, 255, 3);
  binaryThreshold<float, 3>(family, "float32-3d", f32, 0, 255, 1, 0);
  binaryThreshold<uint8_t, 3>(family, "uint8-3d-wrapped", u8, 300, 400, 1, 0);
  binaryThreshold<int16_t, 2>(family, "int16-2d", i16, -100.7, 100.7, 1, 0);
  binaryThreshold<uint64_t, 3>(family, "uint64-3d", u64, 1e18, 1e19, 1, 0);
  binaryThreshold<double, 2>(family, "float64-2d-point", f64, 0, 0, 1, 0);
  family.refuse("BinaryThreshold/inverted", "BinaryThreshold", reals(f32.json, { 10, 5 }),
                "Lower threshold cannot be greater than upper threshold.");
  family.refuse("BinaryThreshold/inverted-after-cast", "BinaryThreshold", reals(u8.json, { 250, 260 }),
                "Lower threshold cannot be greater than upper threshold.", "260 as uint8 is 4");

  itk::MultiThreaderBase::SetGlobalDefaultNumberOfThreads(threads);
}

ref::Register registration("intensity", intensity);

} // namespace
