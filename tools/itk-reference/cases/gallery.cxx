// VoxLogicA-2's gallery and test programs that call SimpleITK, computed by ITK exactly as the
// programs call it, on the real T1 volume and the synthetic BraTS-style cases.
//
// The program-level results go to programs.json beside this family's manifest: for each corpus
// program (by its path in the corpus), the expected value of each goal, keyed by the goal's
// name. The corpus test of the pipeline module reads them. Images are described by their pixel
// type, geometry, and either an exact fingerprint (sum over voxels of (index + 1) times the
// voxel's bits, modulo 2^64) or, where floating-point order may differ, min, max and mean with
// a tolerance. The manifest also holds ordinary cases on a crop of the T1 volume.
//
// The input data is the shared folder beside the repository (../shared/data), found by walking
// up from the output directory as the Java tests find it.
#include "reference.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>

#include "itkAddImageFilter.h"
#include "itkBinaryThresholdImageFilter.h"
#include "itkCastImageFilter.h"
#include "itkCurvatureFlowImageFilter.h"
#include "itkDivideImageFilter.h"
#include "itkExtractImageFilter.h"
#include "itkImageFileReader.h"
#include "itkLogicOpsFunctors.h"
#include "itkBinaryFunctorImageFilter.h"
#include "itkMinimumMaximumImageFilter.h"
#include "itkMultiplyImageFilter.h"
#include "itkNiftiImageIOFactory.h"
#include "itkStatisticsImageFilter.h"

namespace {

using ref::Family;
using U8 = itk::Image<uint8_t, 3>;
using F32 = itk::Image<float, 3>;
using F64 = itk::Image<double, 3>;
namespace fs = std::filesystem;

fs::path
sharedData(const fs::path & output)
{
  for (fs::path dir = fs::absolute(output); !dir.empty(); dir = dir.parent_path())
  {
    fs::path candidate = dir.parent_path() / "shared" / "data";
    if (fs::exists(candidate / "chris_t1.nii.gz"))
      return candidate;
    if (dir == dir.parent_path())
      break;
  }
  throw std::runtime_error("cannot find shared/data beside the repository");
}

template <typename TImage>
typename TImage::Pointer
read(const fs::path & file)
{
  auto reader = itk::ImageFileReader<TImage>::New();
  reader->SetFileName(file.string());
  reader->Update();
  return reader->GetOutput();
}

// The bits of a voxel as an unsigned integer of its width (its little-endian bytes), as the Java
// side reads them.
template <typename T>
uint64_t
bits(T value)
{
  uint64_t b = 0;
  std::memcpy(&b, &value, sizeof value);
  return b;
}

template <typename TImage>
std::string
geometry(const TImage * image)
{
  std::vector<long long> size;
  std::vector<double>    spacing, origin, direction;
  for (unsigned i = 0; i < 3; ++i)
  {
    size.push_back(image->GetLargestPossibleRegion().GetSize()[i]);
    spacing.push_back(image->GetSpacing()[i]);
    origin.push_back(image->GetOrigin()[i]);
  }
  for (unsigned r = 0; r < 3; ++r)
    for (unsigned c = 0; c < 3; ++c)
      direction.push_back(image->GetDirection()(r, c));
  return ref::integers(size) + "," + ref::reals(spacing) + "," + ref::reals(origin) + "," + ref::reals(direction);
}

// An image whose voxels must match exactly: its geometry and fingerprint.
template <typename TImage>
std::string
exact(const TImage * image)
{
  using Pixel = typename TImage::PixelType;
  uint64_t fingerprint = 0;
  uint64_t index = 0;
  for (itk::ImageRegionConstIterator<TImage> it(image, image->GetLargestPossibleRegion()); !it.IsAtEnd(); ++it)
    fingerprint += (++index) * bits<Pixel>(it.Get());
  return ref::object({ { "image",
                         ref::object({ { "dtype", ref::text(ref::dtype<Pixel>()) },
                                       { "geometry", "[" + geometry(image) + "]" },
                                       { "fingerprint", ref::text(std::to_string(fingerprint)) } }) } });
}

// An image whose voxels may differ in the last bits: geometry, min, max and mean within tolerance.
template <typename TImage>
std::string
approximate(const TImage * image, double tolerance, const std::string & note)
{
  using Pixel = typename TImage::PixelType;
  double min = std::numeric_limits<double>::infinity(), max = -min, sum = 0;
  long long count = 0;
  for (itk::ImageRegionConstIterator<TImage> it(image, image->GetLargestPossibleRegion()); !it.IsAtEnd(); ++it)
  {
    double v = it.Get();
    min = std::min(min, v);
    max = std::max(max, v);
    sum += v;
    ++count;
  }
  return ref::object({ { "image",
                         ref::object({ { "dtype", ref::text(ref::dtype<Pixel>()) },
                                       { "geometry", "[" + geometry(image) + "]" },
                                       { "min", ref::real(min) },
                                       { "max", ref::real(max) },
                                       { "mean", ref::real(sum / count) } }) },
                       { "tolerance", ref::real(tolerance) },
                       { "note", ref::text(note) } });
}

std::string
value(const std::string & json)
{
  return ref::object({ { "value", json } });
}

std::string
valueWithin(const std::string & json, double tolerance, const std::string & note)
{
  return ref::object({ { "value", json }, { "tolerance", ref::real(tolerance) }, { "note", ref::text(note) } });
}

// SimpleITK's BinaryThreshold: the thresholds cast to the input pixel type (static_cast).
template <typename TIn>
U8::Pointer
binaryThreshold(const TIn * image, double lower, double upper, uint8_t inside, uint8_t outside)
{
  using Pixel = typename TIn::PixelType;
  auto filter = itk::BinaryThresholdImageFilter<TIn, U8>::New();
  filter->SetInput(image);
  filter->SetLowerThreshold(static_cast<Pixel>(lower));
  filter->SetUpperThreshold(static_cast<Pixel>(upper));
  filter->SetInsideValue(inside);
  filter->SetOutsideValue(outside);
  filter->Update();
  return filter->GetOutput();
}

template <typename TImage>
std::pair<double, double>
minimumMaximum(const TImage * image)
{
  auto filter = itk::MinimumMaximumImageFilter<TImage>::New();
  filter->SetInput(image);
  filter->Update();
  return { static_cast<double>(filter->GetMinimum()), static_cast<double>(filter->GetMaximum()) };
}

// VoxLogicA-2's Statistics: (min, max, mean, sigma, variance, sum, count), one work unit.
template <typename TImage>
std::string
statistics(const TImage * image)
{
  auto stats = itk::StatisticsImageFilter<TImage>::New();
  stats->SetInput(image);
  stats->SetNumberOfWorkUnits(1);
  stats->Update();
  long long count = static_cast<long long>(image->GetLargestPossibleRegion().GetNumberOfPixels());
  return ref::list({ ref::real(static_cast<double>(stats->GetMinimum())),
                     ref::real(static_cast<double>(stats->GetMaximum())),
                     ref::real(stats->GetMean()),
                     ref::real(stats->GetSigma()),
                     ref::real(stats->GetVariance()),
                     ref::real(stats->GetSum()),
                     ref::integer(count) });
}

long long
nonZero(const U8 * mask)
{
  long long n = 0;
  for (itk::ImageRegionConstIterator<U8> it(mask, mask->GetLargestPossibleRegion()); !it.IsAtEnd(); ++it)
    n += it.Get() != 0;
  return n;
}

F32::Pointer
toFloat(const U8 * image)
{
  auto cast = itk::CastImageFilter<U8, F32>::New();
  cast->SetInput(image);
  cast->Update();
  return cast->GetOutput();
}

template <typename TFilter>
F32::Pointer
withConstant(const F32 * image, float constant)
{
  auto filter = TFilter::New();
  filter->SetInput1(image);
  filter->SetConstant2(constant);
  filter->Update();
  return filter->GetOutput();
}

U8::Pointer
greaterEqual(const F32 * image, float constant)
{
  using Functor = itk::Functor::GreaterEqual<float, float, uint8_t>;
  auto filter = itk::BinaryFunctorImageFilter<F32, F32, U8, Functor>::New();
  filter->SetInput1(image);
  filter->SetConstant2(constant);
  filter->GetFunctor().SetBackgroundValue(0);
  filter->GetFunctor().SetForegroundValue(1);
  filter->Update();
  return filter->GetOutput();
}

// VoxLogicA-2's arrays kernels on two masks: the counts, and the ratios as NumPy divides them.
std::string
metrics(const U8 * predicted, const U8 * truth, const std::string & which)
{
  long long total = 0, equal = 0, p = 0, t = 0, both = 0;
  itk::ImageRegionConstIterator<U8> a(predicted, predicted->GetLargestPossibleRegion());
  itk::ImageRegionConstIterator<U8> b(truth, truth->GetLargestPossibleRegion());
  for (; !a.IsAtEnd(); ++a, ++b)
  {
    ++total;
    equal += a.Get() == b.Get();
    bool inP = a.Get() == 1, inT = b.Get() == 1;
    p += inP;
    t += inT;
    both += inP && inT;
  }
  if (which == "pixel_accuracy")
    return ref::object({ { "accuracy", ref::real(static_cast<double>(equal) / total) },
                         { "correct_pixels", ref::integer(equal) },
                         { "total_pixels", ref::integer(total) },
                         { "incorrect_pixels", ref::integer(total - equal) } });
  if (which == "dice")
    return ref::object({ { "dice_score", ref::real((2.0 * both) / static_cast<double>(p + t)) },
                         { "intersection", ref::integer(both) },
                         { "predicted_positive", ref::integer(p) },
                         { "ground_truth_positive", ref::integer(t) } });
  long long unionCount = p + t - both;
  double jaccard = unionCount > 0 ? static_cast<double>(both) / unionCount : 0.0;
  return ref::object({ { "jaccard_index", ref::real(jaccard) },
                       { "iou", ref::real(jaccard) },
                       { "intersection", ref::integer(both) },
                       { "union", ref::integer(unionCount) } });
}

void
gallery(Family & family)
{
  fs::path data = sharedData(fs::path(family.path()));
  itk::NiftiImageIOFactory::RegisterOneFactory();
  U8::Pointer t1 = read<U8>(data / "chris_t1.nii.gz");
  std::string img = exact(t1.GetPointer());
  auto [lo, hi] = minimumMaximum(t1.GetPointer());
  std::string mm = value(ref::list({ ref::real(lo), ref::real(hi) }));
  F32::Pointer intensity = toFloat(t1.GetPointer());
  std::string i = exact(intensity.GetPointer());

  std::vector<std::pair<std::string, std::string>> programs;

  programs.push_back({ "gallery/default/default-index.imgql",
                       ref::object({ { "img", img },
                                     { "mm", mm },
                                     { "min_value", value(ref::real(lo)) },
                                     { "max_value", value(ref::real(hi)) } }) });

  U8::Pointer thr = binaryThreshold(t1.GetPointer(), lo + (hi - lo) / 3, hi, 255, 0);
  programs.push_back({ "gallery/simpleitk/sitk-threshold.imgql",
                       ref::object({ { "img", img },
                                     { "mm", mm },
                                     { "lo", value(ref::real(lo)) },
                                     { "hi", value(ref::real(hi)) },
                                     { "thr", exact(thr.GetPointer()) },
                                     { "threshold_stats",
                                       valueWithin(statistics(thr.GetPointer()), 1e-9,
                                                   "one work unit; compensated sums, the last bits depend on the "
                                                   "order of additions") } }) });

  U8::Pointer pred = binaryThreshold(t1.GetPointer(), 40, 180, 1, 0);
  U8::Pointer truth = binaryThreshold(t1.GetPointer(), 55, 170, 1, 0);
  programs.push_back(
    { "gallery/arrays/arrays-metrics.imgql",
      ref::object({ { "img", img },
                    { "pred", exact(pred.GetPointer()) },
                    { "truth", exact(truth.GetPointer()) },
                    { "pixel_accuracy", value(metrics(pred.GetPointer(), truth.GetPointer(), "pixel_accuracy")) },
                    { "dice", value(metrics(pred.GetPointer(), truth.GetPointer(), "dice")) },
                    { "jaccard", value(metrics(pred.GetPointer(), truth.GetPointer(), "jaccard")) } }) });

  auto flow = itk::CurvatureFlowImageFilter<U8, F64>::New();
  flow->SetInput(t1);
  flow->SetTimeStep(0.15);
  flow->SetNumberOfIterations(4);
  flow->Update();
  programs.push_back(
    { "gallery/simpleitk/sitk-smooth.imgql",
      ref::object({ { "img", img },
                    { "smooth",
                      approximate(flow->GetOutput(), 1e-6,
                                  "CurvatureFlow's finite differences in double: the order of operations may move "
                                  "the last bits; min, max and mean within 1e-6") } }) });

  F32::Pointer a = withConstant<itk::AddImageFilter<F32, F32, F32>>(intensity, 4.0f);
  F32::Pointer c = withConstant<itk::DivideImageFilter<F32, F32, F32>>(
    withConstant<itk::MultiplyImageFilter<F32, F32, F32>>(a, 2.0f), 3.0f);
  programs.push_back({ "gallery/vox1/vox1-dot-ops.imgql",
                       ref::object({ { "m", img },
                                     { "i", i },
                                     { "a", exact(a.GetPointer()) },
                                     { "b", exact(a.GetPointer()) },
                                     { "c", exact(c.GetPointer()) } }) });

  programs.push_back({ "gallery/vox1/vox1-cross-corr.imgql",
                       ref::object({ { "m1", img }, { "m2", img }, { "a", i }, { "b", i } }) });

  U8::Pointer mask = greaterEqual(intensity, 60.0f);
  programs.push_back({ "gallery/mixed/progressive-end-to-end.imgql",
                       ref::object({ { "img", img }, { "i", i }, { "mask", exact(mask.GetPointer()) } }) });

  // threshold_sweep: the first 10 of the dataset's cases (the synthetic ones, in name order), 100
  // thresholds each from the minimum to the maximum, the volume of each BinaryThreshold; the
  // program prints the first 5.
  std::vector<std::string> sweeps;
  for (int n = 0; n < 10; ++n)
  {
    char name[64];
    std::snprintf(name, sizeof name, "case_%03d_0000.nii.gz", n);
    U8::Pointer image = read<U8>(data / "synthetic" / "images" / name);
    auto [low, high] = minimumMaximum(image.GetPointer());
    std::vector<std::string> volumes;
    for (int idx = 0; idx < 100; ++idx)
    {
      // ImgQL's infix operators share one precedence and group to the left, as VoxLogicA-2's
      // grammar has them: `lo + (hi-lo) * (idxs / 99)` is `(lo + (hi - lo)) * (idxs / 99)`.
      double th = (low + (high - low)) * (idx / 99.0);
      volumes.push_back(ref::real(static_cast<double>(nonZero(binaryThreshold(image.GetPointer(), th, high, 255, 0)))));
    }
    sweeps.push_back(ref::list(volumes));
  }
  std::vector<std::string> printed(sweeps.begin(), sweeps.begin() + 5);
  programs.push_back({ "tests/threshold_sweep.imgql",
                       ref::object({ { "print result", value(ref::list(printed)) },
                                     { "result", value(ref::list(sweeps)) } }) });

  std::ofstream out(fs::path(family.path()) / "programs.json");
  out << "{\"itk\":" << ref::text(ITK_VERSION_STRING) << ",\"programs\":{\n";
  for (size_t k = 0; k < programs.size(); ++k)
    out << ref::text(programs[k].first) << ":" << programs[k].second << (k + 1 < programs.size() ? ",\n" : "\n");
  out << "}}\n";

  // Ordinary cases on real data: a 9x8x7 crop of the T1 volume through the procedures the
  // programs call that VoxBeam runs on every branch.
  auto extract = itk::ExtractImageFilter<U8, U8>::New();
  U8::RegionType region;
  region.SetIndex({ { 90, 120, 95 } });
  region.SetSize({ { 9, 8, 7 } });
  extract->SetInput(t1);
  extract->SetExtractionRegion(region);
  extract->SetDirectionCollapseToIdentity();
  extract->Update();
  U8::Pointer crop = extract->GetOutput();
  std::string cropName = family.image("t1-crop", crop.GetPointer());
  auto [cropLo, cropHi] = minimumMaximum(crop.GetPointer());
  family.add("MinimumMaximum/t1-crop", "MinimumMaximum", { cropName },
             value(ref::list({ ref::real(cropLo), ref::real(cropHi) })), 0.0, "real T1 voxels");
  family.add("Statistics/t1-crop", "Statistics", { cropName }, value(statistics(crop.GetPointer())), 1e-9,
             "one work unit, as in the core family");
}

ref::Register registration("gallery", gallery);

} // namespace
