// Regions and grids: Extract, Crop, RegionOfInterest, the pads, Paste, Flip, PermuteAxes, Shrink,
// BinShrink, CheckerBoard, JoinSeries. SimpleITK images start at index 0, so where ITK's output
// region starts elsewhere the case moves the origin to that index's point, as SimpleITK does.
#include "reference.h"

#include "itkBinShrinkImageFilter.h"
#include "itkCheckerBoardImageFilter.h"
#include "itkConstantPadImageFilter.h"
#include "itkCropImageFilter.h"
#include "itkExtractImageFilter.h"
#include "itkFlipImageFilter.h"
#include "itkJoinSeriesImageFilter.h"
#include "itkMirrorPadImageFilter.h"
#include "itkPasteImageFilter.h"
#include "itkPermuteAxesImageFilter.h"
#include "itkRegionOfInterestImageFilter.h"
#include "itkShrinkImageFilter.h"
#include "itkWrapPadImageFilter.h"
#include "itkZeroFluxNeumannPadImageFilter.h"

namespace {

using ref::Family;
using ref::Geometry;

// SimpleITK's FixNonZeroIndex: the same image with its region starting at index 0.
template <typename TImage>
typename TImage::Pointer
zeroIndexed(TImage * image)
{
  auto region = image->GetLargestPossibleRegion();
  typename TImage::PointType origin;
  image->TransformIndexToPhysicalPoint(region.GetIndex(), origin);
  auto out = TImage::New();
  typename TImage::RegionType fixed(region.GetSize());
  out->SetRegions(fixed);
  out->SetSpacing(image->GetSpacing());
  out->SetDirection(image->GetDirection());
  out->SetOrigin(origin);
  out->Allocate();
  itk::ImageRegionConstIterator<TImage> in(image, region);
  itk::ImageRegionIterator<TImage>      to(out, fixed);
  for (; !in.IsAtEnd(); ++in, ++to)
    to.Set(in.Get());
  return out;
}

std::string
flags(const std::vector<bool> & values)
{
  std::vector<std::string> items;
  for (bool v : values)
    items.push_back(ref::flag(v));
  return ref::list(items);
}

// A 3D geometry whose direction permutes x and z, so collapsing z leaves a singular sub-matrix.
Geometry<3>
permuted(std::initializer_list<itk::SizeValueType> extent)
{
  auto g = Geometry<3>::standard(extent);
  g.direction.Fill(0.0);
  g.direction(0, 2) = 1.0;
  g.direction(1, 1) = 1.0;
  g.direction(2, 0) = 1.0;
  return g;
}

// A 3D geometry rotated by 30 degrees about y, so dropped axes would move the origin.
Geometry<3>
rotated(std::initializer_list<itk::SizeValueType> extent)
{
  auto         g = Geometry<3>::standard(extent);
  const double c = std::cos(M_PI / 6), s = std::sin(M_PI / 6);
  g.direction.Fill(0.0);
  g.direction(0, 0) = c;
  g.direction(0, 2) = s;
  g.direction(1, 1) = -1.0;
  g.direction(2, 0) = -s;
  g.direction(2, 2) = c;
  return g;
}

template <typename T, unsigned DIn, unsigned DOut>
void
extract(Family & family, const std::string & label, const std::string & inputName,
        const typename itk::Image<T, DIn>::Pointer & input, std::vector<long long> size, std::vector<long long> index,
        int strategy, bool explicitStrategy = true)
{
  using Filter = itk::ExtractImageFilter<itk::Image<T, DIn>, itk::Image<T, DOut>>;
  auto                               filter = Filter::New();
  typename itk::Image<T, DIn>::RegionType region;
  for (unsigned i = 0; i < DIn; ++i)
  {
    region.SetIndex(i, index[i]);
    region.SetSize(i, size[i]);
  }
  filter->SetInput(input);
  filter->SetExtractionRegion(region);
  filter->SetDirectionCollapseToStrategy(typename Filter::DirectionCollapseStrategyEnum(strategy));
  filter->Update();
  std::vector<double> s(size.begin(), size.end()), x(index.begin(), index.end());
  std::vector<std::string> args = { inputName, ref::reals(s), ref::reals(x) };
  if (explicitStrategy)
    args.push_back(ref::real(strategy));
  family.add("Extract/" + label, "Extract", args,
             family.image("extract-" + label, zeroIndexed(filter->GetOutput()).GetPointer()), 0.0,
             "origin at the region's first voxel in the output's own space");
}

template <typename TFilter, typename TImage>
void
padCase(Family & family, const std::string & procedure, const std::string & label, const std::string & inputName,
        const typename TImage::Pointer & input, std::vector<double> lower, std::vector<double> upper,
        std::vector<std::string> extra, std::function<void(TFilter *)> configure = nullptr)
{
  auto                     filter = TFilter::New();
  typename TImage::SizeType lo, hi;
  for (unsigned i = 0; i < TImage::ImageDimension; ++i)
  {
    lo[i] = static_cast<itk::SizeValueType>(lower[i]);
    hi[i] = static_cast<itk::SizeValueType>(upper[i]);
  }
  filter->SetInput(input);
  filter->SetPadLowerBound(lo);
  filter->SetPadUpperBound(hi);
  if (configure)
    configure(filter.GetPointer());
  filter->Update();
  std::vector<std::string> args = { inputName, ref::reals(lower), ref::reals(upper) };
  args.insert(args.end(), extra.begin(), extra.end());
  family.add(procedure + "/" + label, procedure, args,
             family.image(procedure + "-" + label, zeroIndexed(filter->GetOutput()).GetPointer()), 0.0);
}

void
cases(Family & family)
{
  auto g3 = Geometry<3>::standard({ 7, 6, 5 });
  auto g2 = Geometry<2>::standard({ 9, 8 });
  using F3 = itk::Image<float, 3>;
  using U3 = itk::Image<uint8_t, 3>;
  using S2 = itk::Image<int16_t, 2>;

  auto f3 = ref::random<float, 3>(g3, 31, -100.0, 100.0, false);
  std::string f3Name = family.image("float32-3d", f3.GetPointer());
  auto u3 = ref::random<uint8_t, 3>(g3, 32, 0.0, 256.0, true);
  std::string u3Name = family.image("uint8-3d", u3.GetPointer());
  auto s2 = ref::random<int16_t, 2>(g2, 33, -3000.0, 3000.0, true);
  std::string s2Name = family.image("int16-2d", s2.GetPointer());
  auto u64 = ref::random<uint64_t, 3>(g3, 34, 0.0, 1.0e15, true);
  std::string u64Name = family.image("uint64-3d", u64.GetPointer());
  auto p3 = ref::random<int16_t, 3>(permuted({ 5, 4, 6 }), 35, -50.0, 50.0, true);
  std::string p3Name = family.image("permuted-int16-3d", p3.GetPointer());
  auto r3 = ref::random<float, 3>(rotated({ 6, 5, 4 }), 36, 0.0, 10.0, false);
  std::string r3Name = family.image("rotated-float32-3d", r3.GetPointer());

  extract<float, 3, 2>(family, "float32-axial", f3Name, f3, { 7, 6, 0 }, { 0, 0, 2 }, 3, false);
  extract<float, 3, 3>(family, "float32-box", f3Name, f3, { 3, 2, 4 }, { 2, 3, 1 }, 3);
  extract<uint8_t, 3, 2>(family, "uint8-coronal", u3Name, u3, { 5, 0, 3 }, { 1, 4, 2 }, 3);
  extract<int16_t, 2, 2>(family, "int16-2d", s2Name, s2, { 4, 3 }, { 5, 5 }, 3);
  extract<uint64_t, 3, 2>(family, "uint64-sagittal", u64Name, u64, { 0, 6, 5 }, { 3, 0, 0 }, 1);
  extract<int16_t, 3, 2>(family, "permuted-guess", p3Name, p3, { 5, 4, 0 }, { 0, 0, 3 }, 3);
  extract<int16_t, 3, 2>(family, "permuted-identity", p3Name, p3, { 2, 3, 0 }, { 1, 1, 3 }, 1);
  extract<float, 3, 2>(family, "rotated-submatrix", r3Name, r3, { 4, 0, 3 }, { 1, 2, 1 }, 2);
  family.refuse("Extract/permuted-submatrix", "Extract",
                { p3Name, ref::reals({ 5, 4, 0 }), ref::reals({ 0, 0, 3 }), ref::real(2) },
                "invalid submatrix extracted for collapsed direction");
  family.refuse("Extract/outside", "Extract", { f3Name, ref::reals({ 3, 3, 3 }), ref::reals({ 5, 0, 0 }) },
                "is outside the image");
  family.refuse("Extract/one-axis", "Extract", { f3Name, ref::reals({ 3, 0, 0 }), ref::reals({ 0, 0, 0 }) },
                "at least two dimensions in size must be non-zero");

  {
    auto crop = itk::CropImageFilter<F3, F3>::New();
    F3::SizeType lo = { { 1, 2, 0 } }, hi = { { 2, 0, 1 } };
    crop->SetInput(f3);
    crop->SetLowerBoundaryCropSize(lo);
    crop->SetUpperBoundaryCropSize(hi);
    crop->Update();
    family.add("Crop/float32-3d", "Crop", { f3Name, ref::reals({ 1, 2, 0 }), ref::reals({ 2, 0, 1 }) },
               family.image("crop-float32-3d", zeroIndexed(crop->GetOutput()).GetPointer()), 0.0);
    auto crop2 = itk::CropImageFilter<S2, S2>::New();
    S2::SizeType lo2 = { { 3, 1 } }, hi2 = { { 0, 4 } };
    crop2->SetInput(s2);
    crop2->SetLowerBoundaryCropSize(lo2);
    crop2->SetUpperBoundaryCropSize(hi2);
    crop2->Update();
    family.add("Crop/int16-2d", "Crop", { s2Name, ref::reals({ 3, 1 }), ref::reals({ 0, 4 }) },
               family.image("crop-int16-2d", zeroIndexed(crop2->GetOutput()).GetPointer()), 0.0);
    family.refuse("Crop/too-much", "Crop", { s2Name, ref::reals({ 5, 1 }), ref::reals({ 5, 4 }) },
                  "is less than the total of the crop size");
  }
  {
    auto roi = itk::RegionOfInterestImageFilter<U3, U3>::New();
    U3::RegionType region;
    region.SetIndex({ { 2, 1, 1 } });
    region.SetSize({ { 4, 5, 2 } });
    roi->SetInput(u3);
    roi->SetRegionOfInterest(region);
    roi->Update();
    family.add("RegionOfInterest/uint8-3d", "RegionOfInterest", { u3Name, ref::reals({ 4, 5, 2 }), ref::reals({ 2, 1, 1 }) },
               family.image("roi-uint8-3d", zeroIndexed(roi->GetOutput()).GetPointer()), 0.0);
    family.refuse("RegionOfInterest/outside", "RegionOfInterest",
                  { u3Name, ref::reals({ 4, 5, 2 }), ref::reals({ 4, 1, 1 }) }, "is not inside the image");
  }

  padCase<itk::ConstantPadImageFilter<F3, F3>, F3>(family, "ConstantPad", "float32-3d", f3Name, f3, { 1, 2, 0 },
                                                   { 2, 0, 1 }, { ref::real(7.5) },
                                                   [](auto * f) { f->SetConstant(7.5f); });
  padCase<itk::ConstantPadImageFilter<U3, U3>, U3>(family, "ConstantPad", "uint8-3d", u3Name, u3, { 0, 1, 2 },
                                                   { 1, 1, 0 }, { ref::real(300.7) },
                                                   [](auto * f) { f->SetConstant(ref::runtimeCast<uint8_t>(300.7)); });
  padCase<itk::ZeroFluxNeumannPadImageFilter<F3, F3>, F3>(family, "ZeroFluxNeumannPad", "float32-3d", f3Name, f3,
                                                          { 2, 1, 3 }, { 3, 0, 1 }, {});
  padCase<itk::WrapPadImageFilter<S2, S2>, S2>(family, "WrapPad", "int16-2d", s2Name, s2, { 11, 3 }, { 4, 17 }, {});
  padCase<itk::MirrorPadImageFilter<S2, S2>, S2>(family, "MirrorPad", "int16-2d", s2Name, s2, { 11, 3 }, { 4, 17 }, {});
  padCase<itk::MirrorPadImageFilter<F3, F3>, F3>(family, "MirrorPad", "float32-3d-decay", f3Name, f3, { 2, 1, 3 },
                                                 { 3, 0, 1 }, { ref::real(0.5) },
                                                 [](auto * f) { f->SetDecayBase(0.5); });
  padCase<itk::MirrorPadImageFilter<U3, U3>, U3>(family, "MirrorPad", "uint8-3d-decay", u3Name, u3, { 1, 1, 1 },
                                                 { 2, 2, 2 }, { ref::real(0.7) },
                                                 [](auto * f) { f->SetDecayBase(0.7); });

  {
    auto source = ref::random<float, 3>(Geometry<3>::standard({ 4, 3, 3 }), 37, 500.0, 600.0, false);
    std::string sourceName = family.image("source-float32-3d", source.GetPointer());
    auto paste = itk::PasteImageFilter<F3, F3, F3>::New();
    F3::RegionType region;
    region.SetIndex({ { 1, 0, 1 } });
    region.SetSize({ { 3, 3, 2 } });
    paste->SetDestinationImage(f3);
    paste->SetSourceImage(source);
    paste->SetSourceRegion(region);
    paste->SetDestinationIndex({ { 5, -1, 2 } });
    paste->Update();
    family.add("Paste/float32-3d", "Paste",
               { f3Name, sourceName, ref::reals({ 3, 3, 2 }), ref::reals({ 1, 0, 1 }), ref::reals({ 5, -1, 2 }) },
               family.image("paste-float32-3d", paste->GetOutput()), 0.0, "the part outside the destination is dropped");

    auto constant = ref::blank<uint8_t, 3>(Geometry<3>::standard({ 3, 2, 2 }));
    constant->FillBuffer(ref::runtimeCast<uint8_t>(42.9));
    auto pasteConstant = itk::PasteImageFilter<U3, U3, U3>::New();
    U3::RegionType all;
    all.SetSize({ { 3, 2, 2 } });
    pasteConstant->SetDestinationImage(u3);
    pasteConstant->SetSourceImage(constant);
    pasteConstant->SetSourceRegion(all);
    pasteConstant->SetDestinationIndex({ { 2, 3, 1 } });
    pasteConstant->Update();
    family.add("Paste/constant-uint8-3d", "Paste",
               { u3Name, ref::real(42.9), ref::reals({ 3, 2, 2 }), ref::reals({ 0, 0, 0 }), ref::reals({ 2, 3, 1 }) },
               family.image("paste-constant-uint8-3d", pasteConstant->GetOutput()), 0.0,
               "ITK 5.2 has no constant input; pasting a region filled with the constant is the same");

    auto slice = ref::random<float, 2>(Geometry<2>::standard({ 5, 4 }), 38, 900.0, 999.0, false);
    std::string sliceName = family.image("slice-float32-2d", slice.GetPointer());
    auto pasteSlice = itk::PasteImageFilter<F3, itk::Image<float, 2>, F3>::New();
    itk::Image<float, 2>::RegionType sliceRegion;
    sliceRegion.SetSize({ { 5, 4 } });
    pasteSlice->SetDestinationImage(f3);
    pasteSlice->SetSourceImage(slice);
    pasteSlice->SetSourceRegion(sliceRegion);
    pasteSlice->SetDestinationIndex({ { 1, 3, 0 } });
    itk::FixedArray<bool, 3> skip;
    skip[0] = false;
    skip[1] = true;
    skip[2] = false;
    pasteSlice->SetDestinationSkipAxes(skip);
    pasteSlice->Update();
    family.add("Paste/slice-into-float32-3d", "Paste",
               { f3Name, sliceName, ref::reals({ 5, 4 }), ref::reals({ 0, 0 }), ref::reals({ 1, 3, 0 }),
                 flags({ false, true, false }) },
               family.image("paste-slice-float32-3d", pasteSlice->GetOutput()), 0.0);
    family.refuse("Paste/pixel-types", "Paste", { f3Name, u3Name }, "does not match the primary input's pixel type");
    family.refuse("Paste/source-outside", "Paste",
                  { f3Name, sourceName, ref::reals({ 3, 3, 2 }), ref::reals({ 2, 0, 0 }), ref::reals({ 0, 0, 0 }) },
                  "is outside the source image");
  }

  for (bool aboutOrigin : { false, true })
  {
    auto flip = itk::FlipImageFilter<F3>::New();
    itk::FixedArray<bool, 3> axes;
    axes[0] = true;
    axes[1] = false;
    axes[2] = true;
    flip->SetInput(f3);
    flip->SetFlipAxes(axes);
    flip->SetFlipAboutOrigin(aboutOrigin);
    flip->Update();
    std::string label = std::string("float32-3d") + (aboutOrigin ? "-about-origin" : "");
    family.add("Flip/" + label, "Flip", { f3Name, flags({ true, false, true }), ref::flag(aboutOrigin) },
               family.image("flip-" + label, flip->GetOutput()), 0.0);
  }
  {
    auto flip = itk::FlipImageFilter<itk::Image<float, 3>>::New();
    itk::FixedArray<bool, 3> axes;
    axes[0] = false;
    axes[1] = true;
    axes[2] = false;
    flip->SetInput(r3);
    flip->SetFlipAxes(axes);
    flip->SetFlipAboutOrigin(false);
    flip->Update();
    family.add("Flip/rotated-float32-3d", "Flip", { r3Name, flags({ false, true, false }) },
               family.image("flip-rotated-float32-3d", flip->GetOutput()), 0.0);
  }
  {
    auto permute = itk::PermuteAxesImageFilter<itk::Image<int16_t, 3>>::New();
    itk::FixedArray<unsigned int, 3> order;
    order[0] = 2;
    order[1] = 0;
    order[2] = 1;
    permute->SetInput(p3);
    permute->SetOrder(order);
    permute->Update();
    family.add("PermuteAxes/permuted-int16-3d", "PermuteAxes", { p3Name, ref::reals({ 2, 0, 1 }) },
               family.image("permute-int16-3d", permute->GetOutput()), 0.0);
    auto permute2 = itk::PermuteAxesImageFilter<S2>::New();
    itk::FixedArray<unsigned int, 2> order2;
    order2[0] = 1;
    order2[1] = 0;
    permute2->SetInput(s2);
    permute2->SetOrder(order2);
    permute2->Update();
    family.add("PermuteAxes/int16-2d", "PermuteAxes", { s2Name, ref::reals({ 1, 0 }) },
               family.image("permute-int16-2d", permute2->GetOutput()), 0.0);
    family.refuse("PermuteAxes/repeated", "PermuteAxes", { s2Name, ref::reals({ 1, 1 }) }, "must not repeat");
  }
  {
    auto shrink = itk::ShrinkImageFilter<F3, F3>::New();
    shrink->SetInput(f3);
    shrink->SetShrinkFactor(0, 2);
    shrink->SetShrinkFactor(1, 3);
    shrink->SetShrinkFactor(2, 1);
    shrink->Update();
    family.add("Shrink/float32-3d", "Shrink", { f3Name, ref::reals({ 2, 3, 1 }) },
               family.image("shrink-float32-3d", zeroIndexed(shrink->GetOutput()).GetPointer()), 0.0);
    auto shrink2 = itk::ShrinkImageFilter<S2, S2>::New();
    shrink2->SetInput(s2);
    shrink2->SetShrinkFactors(4);
    shrink2->Update();
    family.add("Shrink/int16-2d", "Shrink", { s2Name, ref::reals({ 4, 4 }) },
               family.image("shrink-int16-2d", zeroIndexed(shrink2->GetOutput()).GetPointer()), 0.0);
    auto shrinkR = itk::ShrinkImageFilter<F3, F3>::New();
    shrinkR->SetInput(r3);
    shrinkR->SetShrinkFactor(0, 3);
    shrinkR->SetShrinkFactor(1, 2);
    shrinkR->SetShrinkFactor(2, 2);
    shrinkR->Update();
    family.add("Shrink/rotated-float32-3d", "Shrink", { r3Name, ref::reals({ 3, 2, 2 }) },
               family.image("shrink-rotated-float32-3d", zeroIndexed(shrinkR->GetOutput()).GetPointer()), 0.0,
               "origin from the physical centres of both grids");

    auto bin = itk::BinShrinkImageFilter<F3, F3>::New();
    bin->SetInput(f3);
    bin->SetShrinkFactor(0, 2);
    bin->SetShrinkFactor(1, 3);
    bin->SetShrinkFactor(2, 2);
    bin->Update();
    family.add("BinShrink/float32-3d", "BinShrink", { f3Name, ref::reals({ 2, 3, 2 }) },
               family.image("binshrink-float32-3d", zeroIndexed(bin->GetOutput()).GetPointer()), 0.0,
               "sums in ITK's order, then one multiplication by the reciprocal count");
    auto binU = itk::BinShrinkImageFilter<U3, U3>::New();
    binU->SetInput(u3);
    binU->SetShrinkFactor(0, 3);
    binU->SetShrinkFactor(1, 2);
    binU->SetShrinkFactor(2, 1);
    binU->Update();
    family.add("BinShrink/uint8-3d", "BinShrink", { u3Name, ref::reals({ 3, 2, 1 }) },
               family.image("binshrink-uint8-3d", zeroIndexed(binU->GetOutput()).GetPointer()), 0.0,
               "integer outputs round half up");
    family.refuse("BinShrink/too-small", "BinShrink", { s2Name, ref::reals({ 10, 1 }) }, "too small");
  }
  {
    auto other = ref::random<uint8_t, 3>(g3, 39, 0.0, 256.0, true);
    std::string otherName = family.image("other-uint8-3d", other.GetPointer());
    auto checker = itk::CheckerBoardImageFilter<U3>::New();
    checker->SetInput1(u3);
    checker->SetInput2(other);
    itk::FixedArray<unsigned int, 3> pattern;
    pattern[0] = 2;
    pattern[1] = 3;
    pattern[2] = 2;
    checker->SetCheckerPattern(pattern);
    checker->Update();
    family.add("CheckerBoard/uint8-3d", "CheckerBoard", { u3Name, otherName, ref::reals({ 2, 3, 2 }) },
               family.image("checker-uint8-3d", checker->GetOutput()), 0.0);
    family.refuse("CheckerBoard/pixel-types", "CheckerBoard", { u3Name, f3Name },
                  "does not match the primary input's pixel type");
  }
  {
    using J = itk::JoinSeriesImageFilter<S2, itk::Image<int16_t, 3>>;
    auto join = J::New();
    auto b = ref::random<int16_t, 2>(g2, 40, -10.0, 10.0, true);
    auto c = ref::random<int16_t, 2>(g2, 41, 100.0, 200.0, true);
    std::string bName = family.image("join-b-int16-2d", b.GetPointer());
    std::string cName = family.image("join-c-int16-2d", c.GetPointer());
    join->SetInput(0, s2);
    join->SetInput(1, b);
    join->SetInput(2, c);
    join->SetSpacing(2.5);
    join->SetOrigin(-4.0);
    join->Update();
    family.add("JoinSeries/int16-2d", "JoinSeries", { s2Name, bName, cName, ref::real(-4.0), ref::real(2.5) },
               family.image("join-int16-3d", join->GetOutput()), 0.0);
    family.refuse("JoinSeries/3d", "JoinSeries", { f3Name, f3Name }, "VoxBeam images have 2 or 3 dimensions",
                  "SimpleITK makes a 4D image, which VoxBeam's images cannot hold");
  }
}

ref::Register registration("regions", cases);

} // namespace
