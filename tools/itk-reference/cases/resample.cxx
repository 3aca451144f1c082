// Resampling with the identity transform (onto a reference image, onto a given grid, onto the
// input's own grid) and Expand, with nearest-neighbour and linear interpolation, configured as
// SimpleITK's Resample and Expand configure ITK.
#include "reference.h"

#include "itkExpandImageFilter.h"
#include "itkIdentityTransform.h"
#include "itkLinearInterpolateImageFunction.h"
#include "itkNearestNeighborExtrapolateImageFunction.h"
#include "itkNearestNeighborInterpolateImageFunction.h"
#include "itkResampleImageFilter.h"

namespace {

using ref::Family;
using ref::Geometry;

constexpr int nearest = 1;
constexpr int linear = 2;

template <typename TImage>
typename itk::InterpolateImageFunction<TImage, double>::Pointer
interpolator(int kind)
{
  if (kind == nearest)
    return itk::NearestNeighborInterpolateImageFunction<TImage, double>::New().GetPointer();
  return itk::LinearInterpolateImageFunction<TImage, double>::New().GetPointer();
}

template <typename TIn, typename TOut>
typename TOut::Pointer
resample(const typename TIn::Pointer & input, const typename TOut::SizeType & size,
         const typename TOut::PointType & origin, const typename TOut::SpacingType & spacing,
         const typename TOut::DirectionType & direction, int kind, double defaultValue, bool extrapolate)
{
  constexpr unsigned D = TIn::ImageDimension;
  auto filter = itk::ResampleImageFilter<TIn, TOut, double>::New();
  filter->SetInput(input);
  filter->SetTransform(itk::IdentityTransform<double, D>::New());
  filter->SetInterpolator(interpolator<TIn>(kind));
  filter->SetSize(size);
  filter->SetOutputOrigin(origin);
  filter->SetOutputSpacing(spacing);
  filter->SetOutputDirection(direction);
  filter->SetDefaultPixelValue(ref::runtimeCast<typename TOut::PixelType>(defaultValue));
  if (extrapolate)
    filter->SetExtrapolator(itk::NearestNeighborExtrapolateImageFunction<TIn, double>::New());
  filter->Update();
  return filter->GetOutput();
}

template <typename TIn, typename TOut>
void
ontoReference(Family & family, const std::string & label, const std::string & inputName,
              const typename TIn::Pointer & input, const std::string & referenceName,
              const typename TOut::Pointer & reference, int kind, double defaultValue, long long outputPixelId,
              bool extrapolate, double tolerance, const std::string & note)
{
  auto out = resample<TIn, TOut>(input, reference->GetLargestPossibleRegion().GetSize(), reference->GetOrigin(),
                                 reference->GetSpacing(), reference->GetDirection(), kind, defaultValue, extrapolate);
  family.add("Resample/" + label, "Resample",
             { inputName, referenceName, ref::text("identity"), ref::real(kind), ref::real(defaultValue),
               ref::real(static_cast<double>(outputPixelId)), ref::flag(extrapolate) },
             family.image("resample-" + label, out.GetPointer()), tolerance, note);
}

template <typename T, unsigned D>
void
expand(Family & family, const std::string & label, const std::string & inputName,
       const typename itk::Image<T, D>::Pointer & input, std::vector<unsigned> factors, int kind, double tolerance)
{
  using Image = itk::Image<T, D>;
  auto filter = itk::ExpandImageFilter<Image, Image>::New();
  typename itk::ExpandImageFilter<Image, Image>::ExpandFactorsType f;
  std::vector<double> args;
  for (unsigned i = 0; i < D; ++i)
  {
    f[i] = factors[i];
    args.push_back(factors[i]);
  }
  filter->SetInput(input);
  filter->SetExpandFactors(f);
  filter->SetInterpolator(interpolator<Image>(kind));
  filter->Update();
  family.add("Expand/" + label, "Expand", { inputName, ref::reals(args), ref::real(kind) },
             family.image("expand-" + label, filter->GetOutput()), tolerance,
             "x accumulates 1/f per voxel along each row, as ITK does");
}

void
cases(Family & family)
{
  using F3 = itk::Image<float, 3>;
  using U3 = itk::Image<uint8_t, 3>;
  using S2 = itk::Image<int16_t, 2>;
  auto g3 = Geometry<3>::standard({ 7, 6, 5 });
  auto g2 = Geometry<2>::standard({ 9, 8 });

  auto f3 = ref::random<float, 3>(g3, 51, -100.0, 100.0, false);
  std::string f3Name = family.image("float32-3d", f3.GetPointer());
  auto u3 = ref::random<uint8_t, 3>(g3, 52, 0.0, 256.0, true);
  std::string u3Name = family.image("uint8-3d", u3.GetPointer());
  auto s2 = ref::random<int16_t, 2>(g2, 53, -3000.0, 3000.0, true);
  std::string s2Name = family.image("int16-2d", s2.GetPointer());

  // A finer grid shifted by a fraction of a voxel and reaching past the input on every side.
  auto fine = Geometry<3>::standard({ 9, 7, 6 });
  for (unsigned i = 0; i < 3; ++i)
  {
    fine.spacing[i] *= 0.7;
    fine.origin[i] += (i == 1 ? 0.8 : -0.55);
  }
  auto reference = ref::blank<float, 3>(fine);
  std::string referenceName = family.image("reference-float32-3d", reference.GetPointer());
  auto referenceU8 = ref::blank<uint8_t, 3>(fine);
  std::string referenceU8Name = family.image("reference-uint8-3d", referenceU8.GetPointer());

  ontoReference<F3, F3>(family, "float32-linear", f3Name, f3, referenceName, reference, linear, 0.0, -1, false, 0.0,
                        "interpolation in double, stored as float");
  ontoReference<F3, F3>(family, "float32-nearest", f3Name, f3, referenceName, reference, nearest, -7.5, -1, false,
                        0.0, "voxels past half a voxel beyond the edge get the default value");
  ontoReference<F3, F3>(family, "float32-linear-extrapolated", f3Name, f3, referenceName, reference, linear, 0.0, -1,
                        true, 0.0, "the nearest voxel inside for points outside");
  ontoReference<U3, U3>(family, "uint8-linear", u3Name, u3, referenceU8Name, referenceU8, linear, 300.0, -1, false,
                        0.0, "interpolated values truncated; the default value 300 stored as uint8 stores it");
  ontoReference<U3, F3>(family, "uint8-to-float32-linear", u3Name, u3, referenceName, reference, linear, 0.0, 8, false,
                        0.0, "outputPixelType sitkFloat32");
  {
    auto self = resample<F3, F3>(f3, f3->GetLargestPossibleRegion().GetSize(), f3->GetOrigin(), f3->GetSpacing(),
                                 f3->GetDirection(), linear, 0.0, false);
    family.add("Resample/float32-onto-itself", "Resample", { f3Name },
               family.image("resample-float32-self", self.GetPointer()), 0.0,
               "the image's own grid: the voxels come back");
    auto selfU8 = resample<U3, U3>(u3, u3->GetLargestPossibleRegion().GetSize(), u3->GetOrigin(), u3->GetSpacing(),
                                   u3->GetDirection(), linear, 0.0, false);
    family.add("Resample/uint8-onto-itself", "Resample", { u3Name },
               family.image("resample-uint8-self", selfU8.GetPointer()), 0.0,
               "the image's own grid: the voxels come back, even after truncation");
  }
  {
    S2::SizeType size = { { 12, 5 } };
    S2::PointType origin;
    origin[0] = -4.0;
    origin[1] = 5.5;
    S2::SpacingType spacing;
    spacing[0] = 0.6;
    spacing[1] = 1.9;
    S2::DirectionType direction;
    direction.SetIdentity();
    direction(1, 1) = -1.0;
    auto out = resample<S2, S2>(s2, size, origin, spacing, direction, linear, -1.0, false);
    family.add("Resample/int16-2d-grid", "Resample",
               { s2Name, ref::reals({ 12, 5 }), ref::text("identity"), ref::real(linear), ref::reals({ -4.0, 5.5 }),
                 ref::reals({ 0.6, 1.9 }), ref::reals({ 1, 0, 0, -1 }), ref::real(-1.0) },
               family.image("resample-int16-2d-grid", out.GetPointer()), 0.0);
    S2::DirectionType identity;
    identity.SetIdentity();
    auto outNearest = resample<S2, S2>(s2, size, origin, spacing, identity, nearest, 0.0, false);
    family.add("Resample/int16-2d-grid-nearest-identity-direction", "Resample",
               { s2Name, ref::reals({ 12, 5 }), ref::text("identity"), ref::real(nearest), ref::reals({ -4.0, 5.5 }),
                 ref::reals({ 0.6, 1.9 }) },
               family.image("resample-int16-2d-grid-nearest", outNearest.GetPointer()), 0.0,
               "an empty direction is the identity");
  }
  family.refuse("Resample/bspline", "Resample", { f3Name, referenceName, ref::text("identity"), ref::real(23) },
                "interpolator sitkBSpline", "only nearest-neighbour and linear interpolation so far");

  expand<float, 3>(family, "float32-3d-linear", f3Name, f3, { 2, 3, 1 }, linear, 0.0);
  expand<int16_t, 2>(family, "int16-2d-nearest", s2Name, s2, { 3, 2 }, nearest, 0.0);
  expand<uint8_t, 3>(family, "uint8-3d-linear", u3Name, u3, { 2, 2, 3 }, linear, 0.0);
}

ref::Register registration("resample", cases);

} // namespace
