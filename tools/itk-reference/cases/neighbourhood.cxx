// Neighbourhood filters: smoothing, derivatives and morphology with flat structuring elements,
// each configured as SimpleITK 2.5's procedure configures it.
#include "reference.h"

#include <algorithm>
#include <cctype>

#include "itkBinaryClosingByReconstructionImageFilter.h"
#include "itkBinaryDilateImageFilter.h"
#include "itkBinaryFillholeImageFilter.h"
#include "itkBinaryOpeningByReconstructionImageFilter.h"
#include "itkGrayscaleFillholeImageFilter.h"
#include "itkImageRegionIteratorWithIndex.h"
#include "itkBinaryErodeImageFilter.h"
#include "itkBinaryMorphologicalClosingImageFilter.h"
#include "itkBinaryMorphologicalOpeningImageFilter.h"
#include "itkBlackTopHatImageFilter.h"
#include "itkBoxMeanImageFilter.h"
#include "itkCurvatureAnisotropicDiffusionImageFilter.h"
#include "itkCurvatureFlowImageFilter.h"
#include "itkGradientAnisotropicDiffusionImageFilter.h"
#include "itkDerivativeImageFilter.h"
#include "itkDiscreteGaussianImageFilter.h"
#include "itkFlatStructuringElement.h"
#include "itkGradientMagnitudeImageFilter.h"
#include "itkGradientMagnitudeRecursiveGaussianImageFilter.h"
#include "itkGrayscaleDilateImageFilter.h"
#include "itkGrayscaleErodeImageFilter.h"
#include "itkGrayscaleMorphologicalClosingImageFilter.h"
#include "itkGrayscaleMorphologicalOpeningImageFilter.h"
#include "itkLaplacianImageFilter.h"
#include "itkMeanImageFilter.h"
#include "itkMedianImageFilter.h"
#include "itkMorphologicalGradientImageFilter.h"
#include "itkRecursiveGaussianImageFilter.h"
#include "itkSmoothingRecursiveGaussianImageFilter.h"
#include "itkWhiteTopHatImageFilter.h"

namespace {

using ref::Family;
using ref::Geometry;

// SimpleITK's KernelEnum values, as a program passes them.
enum Kernel { Annulus = 0, Ball = 1, Box = 2, Cross = 3 };

const char *
kernelName(Kernel k)
{
  switch (k)
  {
    case Annulus:
      return "annulus";
    case Ball:
      return "ball";
    case Box:
      return "box";
    default:
      return "cross";
  }
}

// SimpleITK's CreateKernel.
template <unsigned D>
itk::FlatStructuringElement<D>
createKernel(Kernel k, const std::vector<unsigned> & r)
{
  using SE = itk::FlatStructuringElement<D>;
  typename SE::RadiusType radius;
  for (unsigned i = 0; i < D; ++i)
    radius[i] = r[i];
  switch (k)
  {
    case Annulus:
      return SE::Annulus(radius, 1, false);
    case Ball:
      return SE::Ball(radius);
    case Box:
      return SE::Box(radius);
    default:
      return SE::Cross(radius);
  }
}

std::string
radiusArg(const std::vector<unsigned> & r)
{
  std::vector<double> v(r.begin(), r.end());
  return ref::reals(v);
}

std::string
radiusLabel(const std::vector<unsigned> & r)
{
  std::string out;
  for (unsigned v : r)
    out += (out.empty() ? "" : "x") + std::to_string(v);
  return out;
}

template <typename TFilter>
typename TFilter::OutputImageType::Pointer
run(TFilter * filter)
{
  filter->Update();
  typename TFilter::OutputImageType::Pointer out = filter->GetOutput();
  out->DisconnectPipeline();
  return out;
}

// Binary morphology --------------------------------------------------------------------------

template <typename T, unsigned D>
void
binary(Family & family, const std::string & label, const std::string & inputName,
       const typename itk::Image<T, D>::Pointer & input, Kernel k, const std::vector<unsigned> & r,
       double background, double foreground, bool dilateBoundary, bool erodeBoundary)
{
  using Image = itk::Image<T, D>;
  using SE = itk::FlatStructuringElement<D>;
  std::string tag = label + "-" + kernelName(k) + "-" + radiusLabel(r);
  std::string kernelArg = ref::real(k);
  {
    auto f = itk::BinaryDilateImageFilter<Image, Image, SE>::New();
    f->SetInput(input);
    f->SetKernel(createKernel<D>(k, r));
    f->SetBackgroundValue(static_cast<T>(background));
    f->SetForegroundValue(static_cast<T>(foreground));
    f->SetBoundaryToForeground(dilateBoundary);
    family.add("BinaryDilate/" + tag, "BinaryDilate",
               { inputName, radiusArg(r), kernelArg, ref::real(background), ref::real(foreground),
                 ref::flag(dilateBoundary) },
               family.image("binary-dilate-" + tag, run(f.GetPointer()).GetPointer()), 0.0);
  }
  {
    auto f = itk::BinaryErodeImageFilter<Image, Image, SE>::New();
    f->SetInput(input);
    f->SetKernel(createKernel<D>(k, r));
    f->SetBackgroundValue(static_cast<T>(background));
    f->SetForegroundValue(static_cast<T>(foreground));
    f->SetBoundaryToForeground(erodeBoundary);
    family.add("BinaryErode/" + tag, "BinaryErode",
               { inputName, radiusArg(r), kernelArg, ref::real(background), ref::real(foreground),
                 ref::flag(erodeBoundary) },
               family.image("binary-erode-" + tag, run(f.GetPointer()).GetPointer()), 0.0);
  }
  {
    auto f = itk::BinaryMorphologicalOpeningImageFilter<Image, Image, SE>::New();
    f->SetInput(input);
    f->SetKernel(createKernel<D>(k, r));
    f->SetBackgroundValue(static_cast<T>(background));
    f->SetForegroundValue(static_cast<T>(foreground));
    family.add("BinaryMorphologicalOpening/" + tag, "BinaryMorphologicalOpening",
               { inputName, radiusArg(r), kernelArg, ref::real(background), ref::real(foreground) },
               family.image("binary-opening-" + tag, run(f.GetPointer()).GetPointer()), 0.0);
  }
  for (bool safe : { true, false })
  {
    auto f = itk::BinaryMorphologicalClosingImageFilter<Image, Image, SE>::New();
    f->SetInput(input);
    f->SetKernel(createKernel<D>(k, r));
    f->SetForegroundValue(static_cast<T>(foreground));
    f->SetSafeBorder(safe);
    std::string s = safe ? "-safe" : "-unsafe";
    family.add("BinaryMorphologicalClosing/" + tag + s, "BinaryMorphologicalClosing",
               { inputName, radiusArg(r), kernelArg, ref::real(foreground), ref::flag(safe) },
               family.image("binary-closing-" + tag + s, run(f.GetPointer()).GetPointer()), 0.0);
  }
}

// A mask with holes: the shell of an inner box (thickness one) is foreground, its inside a hole
// with one voxel of another value, and the voxels outside the shell alternate in a checkerboard,
// so some background touches the border only diagonally.
template <typename T, unsigned D>
typename itk::Image<T, D>::Pointer
holes(const Geometry<D> & g)
{
  auto image = ref::blank<T, D>(g);
  for (itk::ImageRegionIteratorWithIndex<itk::Image<T, D>> it(image, image->GetLargestPossibleRegion()); !it.IsAtEnd();
       ++it)
  {
    auto idx = it.GetIndex();
    bool inside = true, interior = true;
    long parity = 0;
    for (unsigned i = 0; i < D; ++i)
    {
      long n = static_cast<long>(g.size[i]);
      inside = inside && idx[i] >= 1 && idx[i] <= n - 2;
      interior = interior && idx[i] >= 2 && idx[i] <= n - 3;
      parity += idx[i];
    }
    T v = inside ? (interior ? 0 : 1) : static_cast<T>(parity % 2);
    if (interior && idx[0] == 2 && idx[1] == 2)
      v = 2;
    it.Set(v);
  }
  return image;
}

template <typename T, unsigned D>
void
connectivity(Family & family, const std::string & label, const std::string & inputName,
             const typename itk::Image<T, D>::Pointer & input, Kernel k, const std::vector<unsigned> & r,
             double background, double foreground)
{
  using Image = itk::Image<T, D>;
  using SE = itk::FlatStructuringElement<D>;
  for (bool fully : { false, true })
  {
    std::string tag = label + "-" + kernelName(k) + "-" + radiusLabel(r) + (fully ? "-full" : "-face");
    {
      auto f = itk::BinaryOpeningByReconstructionImageFilter<Image, SE>::New();
      f->SetInput(input);
      f->SetKernel(createKernel<D>(k, r));
      f->SetForegroundValue(static_cast<T>(foreground));
      f->SetBackgroundValue(static_cast<T>(background));
      f->SetFullyConnected(fully);
      family.add("BinaryOpeningByReconstruction/" + tag, "BinaryOpeningByReconstruction",
                 { inputName, radiusArg(r), ref::real(k), ref::real(foreground), ref::real(background),
                   ref::flag(fully) },
                 family.image("binary-opening-rec-" + tag, run(f.GetPointer()).GetPointer()), 0.0);
    }
    {
      auto f = itk::BinaryClosingByReconstructionImageFilter<Image, SE>::New();
      f->SetInput(input);
      f->SetKernel(createKernel<D>(k, r));
      f->SetForegroundValue(static_cast<T>(foreground));
      f->SetFullyConnected(fully);
      family.add("BinaryClosingByReconstruction/" + tag, "BinaryClosingByReconstruction",
                 { inputName, radiusArg(r), ref::real(k), ref::real(foreground), ref::flag(fully) },
                 family.image("binary-closing-rec-" + tag, run(f.GetPointer()).GetPointer()), 0.0);
    }
    {
      auto f = itk::BinaryFillholeImageFilter<Image>::New();
      f->SetInput(input);
      f->SetForegroundValue(static_cast<T>(foreground));
      f->SetFullyConnected(fully);
      std::string fillTag = label + "-fg" + std::to_string(static_cast<int>(foreground)) + (fully ? "-full" : "-face");
      family.add("BinaryFillhole/" + fillTag, "BinaryFillhole", { inputName, ref::flag(fully), ref::real(foreground) },
                 family.image("binary-fillhole-" + fillTag, run(f.GetPointer()).GetPointer()), 0.0);
    }
  }
}

template <typename T, unsigned D>
void
greyFillhole(Family & family, const std::string & label, const std::string & inputName,
             const typename itk::Image<T, D>::Pointer & input)
{
  using Image = itk::Image<T, D>;
  for (bool fully : { false, true })
  {
    auto f = itk::GrayscaleFillholeImageFilter<Image, Image>::New();
    f->SetInput(input);
    f->SetFullyConnected(fully);
    std::string tag = label + (fully ? "-full" : "-face");
    family.add("GrayscaleFillhole/" + tag, "GrayscaleFillhole", { inputName, ref::flag(fully) },
               family.image("grey-fillhole-" + tag, run(f.GetPointer()).GetPointer()), 0.0);
  }
}

// Greyscale morphology -----------------------------------------------------------------------

template <typename T, unsigned D>
void
grey(Family & family, const std::string & label, const std::string & inputName,
     const typename itk::Image<T, D>::Pointer & input, Kernel k, const std::vector<unsigned> & r)
{
  using Image = itk::Image<T, D>;
  using SE = itk::FlatStructuringElement<D>;
  std::string tag = label + "-" + kernelName(k) + "-" + radiusLabel(r);
  std::vector<std::string> args{ inputName, radiusArg(r), ref::real(k) };
  {
    auto f = itk::GrayscaleDilateImageFilter<Image, Image, SE>::New();
    f->SetInput(input);
    f->SetKernel(createKernel<D>(k, r));
    family.add("GrayscaleDilate/" + tag, "GrayscaleDilate", args,
               family.image("grey-dilate-" + tag, run(f.GetPointer()).GetPointer()), 0.0);
  }
  {
    auto f = itk::GrayscaleErodeImageFilter<Image, Image, SE>::New();
    f->SetInput(input);
    f->SetKernel(createKernel<D>(k, r));
    family.add("GrayscaleErode/" + tag, "GrayscaleErode", args,
               family.image("grey-erode-" + tag, run(f.GetPointer()).GetPointer()), 0.0);
  }
  {
    auto f = itk::MorphologicalGradientImageFilter<Image, Image, SE>::New();
    f->SetInput(input);
    f->SetKernel(createKernel<D>(k, r));
    family.add("MorphologicalGradient/" + tag, "MorphologicalGradient", args,
               family.image("grey-gradient-" + tag, run(f.GetPointer()).GetPointer()), 0.0);
  }
  for (bool safe : { true, false })
  {
    std::string s = safe ? "-safe" : "-unsafe";
    std::vector<std::string> safeArgs = args;
    safeArgs.push_back(ref::flag(safe));
    {
      auto f = itk::GrayscaleMorphologicalOpeningImageFilter<Image, Image, SE>::New();
      f->SetInput(input);
      f->SetKernel(createKernel<D>(k, r));
      f->SetSafeBorder(safe);
      family.add("GrayscaleMorphologicalOpening/" + tag + s, "GrayscaleMorphologicalOpening", safeArgs,
                 family.image("grey-opening-" + tag + s, run(f.GetPointer()).GetPointer()), 0.0);
    }
    {
      auto f = itk::GrayscaleMorphologicalClosingImageFilter<Image, Image, SE>::New();
      f->SetInput(input);
      f->SetKernel(createKernel<D>(k, r));
      f->SetSafeBorder(safe);
      family.add("GrayscaleMorphologicalClosing/" + tag + s, "GrayscaleMorphologicalClosing", safeArgs,
                 family.image("grey-closing-" + tag + s, run(f.GetPointer()).GetPointer()), 0.0);
    }
    {
      auto f = itk::WhiteTopHatImageFilter<Image, Image, SE>::New();
      f->SetInput(input);
      f->SetKernel(createKernel<D>(k, r));
      f->SetSafeBorder(safe);
      family.add("WhiteTopHat/" + tag + s, "WhiteTopHat", safeArgs,
                 family.image("white-top-hat-" + tag + s, run(f.GetPointer()).GetPointer()), 0.0);
    }
    {
      auto f = itk::BlackTopHatImageFilter<Image, Image, SE>::New();
      f->SetInput(input);
      f->SetKernel(createKernel<D>(k, r));
      f->SetSafeBorder(safe);
      family.add("BlackTopHat/" + tag + s, "BlackTopHat", safeArgs,
                 family.image("black-top-hat-" + tag + s, run(f.GetPointer()).GetPointer()), 0.0);
    }
  }
}

// Smoothing ----------------------------------------------------------------------------------

// Tolerances: VoxBeam follows ITK's arithmetic (types, operation order), so integer and float32
// outputs are exact on these inputs. float64 outputs allow the last bits of double: Java's exp
// and the window sums' association differ from glibc's and ITK's there.
template <typename T>
double
tolerance()
{
  return std::is_same_v<T, double> ? 1e-10 : 0.0;
}

template <typename T, unsigned D>
void
discreteGaussian(Family & family, const std::string & label, const std::string & inputName,
                 const typename itk::Image<T, D>::Pointer & input, const std::vector<double> & variance,
                 unsigned maximumKernelWidth, double maximumError, bool useImageSpacing)
{
  using Image = itk::Image<T, D>;
  auto f = itk::DiscreteGaussianImageFilter<Image, Image>::New();
  f->SetInput(input);
  typename itk::DiscreteGaussianImageFilter<Image, Image>::ArrayType v;
  for (unsigned i = 0; i < D; ++i)
    v[i] = variance[i];
  f->SetVariance(v);
  f->SetMaximumKernelWidth(maximumKernelWidth);
  f->SetMaximumError(maximumError);
  f->SetUseImageSpacing(useImageSpacing);
  family.add("DiscreteGaussian/" + label, "DiscreteGaussian",
             { inputName, ref::reals(variance), ref::real(maximumKernelWidth), ref::real(maximumError),
               ref::flag(useImageSpacing) },
             family.image("discrete-gaussian-" + label, run(f.GetPointer()).GetPointer()), tolerance<T>(),
             "integer images truncate after every separable pass, as ITK stores each pass in the pixel type");
}

template <typename T, unsigned D>
void
recursiveGaussian(Family & family, const std::string & label, const std::string & inputName,
                  const typename itk::Image<T, D>::Pointer & input, double sigma, bool normalize, int order,
                  unsigned direction)
{
  using Image = itk::Image<T, D>;
  using Out = itk::Image<float, D>;
  auto f = itk::RecursiveGaussianImageFilter<Image, Out>::New();
  f->SetInput(input);
  f->SetSigma(sigma);
  f->SetNormalizeAcrossScale(normalize);
  f->SetOrder(static_cast<itk::GaussianOrderEnum>(order));
  f->SetDirection(direction);
  family.add("RecursiveGaussian/" + label, "RecursiveGaussian",
             { inputName, ref::real(sigma), ref::flag(normalize), ref::real(order), ref::real(direction) },
             family.image("recursive-gaussian-" + label, run(f.GetPointer()).GetPointer()), 0.0);
}

template <typename T, unsigned D>
void
smoothingRecursiveGaussian(Family & family, const std::string & label, const std::string & inputName,
                           const typename itk::Image<T, D>::Pointer & input, const std::vector<double> & sigma,
                           bool normalize)
{
  using Image = itk::Image<T, D>;
  using Out = itk::Image<float, D>;
  auto f = itk::SmoothingRecursiveGaussianImageFilter<Image, Out>::New();
  f->SetInput(input);
  typename itk::SmoothingRecursiveGaussianImageFilter<Image, Out>::SigmaArrayType s;
  for (unsigned i = 0; i < D; ++i)
    s[i] = sigma[i];
  f->SetSigmaArray(s);
  f->SetNormalizeAcrossScale(normalize);
  family.add("SmoothingRecursiveGaussian/" + label, "SmoothingRecursiveGaussian",
             { inputName, ref::reals(sigma), ref::flag(normalize) },
             family.image("smoothing-recursive-gaussian-" + label, run(f.GetPointer()).GetPointer()),
             std::is_same_v<T, double> ? 1e-5 : 0.0,
             std::is_same_v<T, double> ? "float64 inputs filter in double; the float32 result can differ by one ulp"
                                       : "");
}

template <typename TFilter, typename T, unsigned D>
void
windowed(Family & family, const std::string & procedure, const std::string & label, const std::string & inputName,
         const typename itk::Image<T, D>::Pointer & input, const std::vector<unsigned> & r)
{
  auto f = TFilter::New();
  f->SetInput(input);
  itk::Size<D> radius;
  for (unsigned i = 0; i < D; ++i)
    radius[i] = r[i];
  f->SetRadius(radius);
  std::string tag = label + "-" + radiusLabel(r);
  std::string file = procedure + "-" + tag;
  std::transform(file.begin(), file.end(), file.begin(), [](unsigned char c) { return std::tolower(c); });
  family.add(procedure + "/" + tag, procedure, { inputName, radiusArg(r) },
             family.image(file, run(f.GetPointer()).GetPointer()), tolerance<T>(),
             "VoxBeam sums the window by separable running sums; ITK in raster order");
}

template <typename T, unsigned D>
void
windows(Family & family, const std::string & label, const std::string & inputName,
        const typename itk::Image<T, D>::Pointer & input, const std::vector<unsigned> & r)
{
  using Image = itk::Image<T, D>;
  windowed<itk::MeanImageFilter<Image, Image>, T, D>(family, "Mean", label, inputName, input, r);
  windowed<itk::BoxMeanImageFilter<Image, Image>, T, D>(family, "BoxMean", label, inputName, input, r);
  windowed<itk::MedianImageFilter<Image, Image>, T, D>(family, "Median", label, inputName, input, r);
}

// Finite-difference smoothing ---------------------------------------------------------------

template <typename T, unsigned D>
void
curvatureFlow(Family & family, const std::string & label, const std::string & inputName,
              const typename itk::Image<T, D>::Pointer & input, double timeStep, unsigned iterations)
{
  using Image = itk::Image<T, D>;
  using Out = itk::Image<double, D>;
  auto f = itk::CurvatureFlowImageFilter<Image, Out>::New();
  f->SetInput(input);
  f->SetTimeStep(timeStep);
  f->SetNumberOfIterations(iterations);
  family.add("CurvatureFlow/" + label, "CurvatureFlow", { inputName, ref::real(timeStep), ref::real(iterations) },
             family.image("curvature-flow-" + label, run(f.GetPointer()).GetPointer()), 1e-9,
             "double arithmetic in ITK's order; the bound covers the last bits of division rounding");
}

template <typename TFilter, typename T, unsigned D>
void
diffusion(Family & family, const std::string & procedure, const std::string & label, const std::string & inputName,
          const typename itk::Image<T, D>::Pointer & input, double timeStep, double conductance, unsigned interval,
          unsigned iterations)
{
  auto f = TFilter::New();
  f->SetInput(input);
  f->SetTimeStep(timeStep);
  f->SetConductanceParameter(conductance);
  f->SetConductanceScalingUpdateInterval(interval);
  f->SetNumberOfIterations(iterations);
  std::string file = procedure + "-" + label;
  std::transform(file.begin(), file.end(), file.begin(), [](unsigned char c) { return std::tolower(c); });
  family.add(procedure + "/" + label, procedure,
             { inputName, ref::real(timeStep), ref::real(conductance), ref::real(interval), ref::real(iterations) },
             family.image(file, run(f.GetPointer()).GetPointer()), tolerance<T>(),
             "exp and the mean gradient's summation order differ from ITK's in the last bits of double");
}

template <typename T, unsigned D>
void
diffusions(Family & family, const std::string & label, const std::string & inputName,
           const typename itk::Image<T, D>::Pointer & input)
{
  using Image = itk::Image<T, D>;
  using Gradient = itk::GradientAnisotropicDiffusionImageFilter<Image, Image>;
  using Curvature = itk::CurvatureAnisotropicDiffusionImageFilter<Image, Image>;
  diffusion<Gradient, T, D>(family, "GradientAnisotropicDiffusion", label, inputName, input, 0.125, 3.0, 1, 5);
  diffusion<Gradient, T, D>(family, "GradientAnisotropicDiffusion", label + "-k1-every2", inputName, input, 0.05,
                            1.0, 2, 4);
  diffusion<Curvature, T, D>(family, "CurvatureAnisotropicDiffusion", label, inputName, input, 0.0625, 3.0, 1, 5);
  diffusion<Curvature, T, D>(family, "CurvatureAnisotropicDiffusion", label + "-k1-every3", inputName, input, 0.1,
                             1.5, 3, 4);
}

// Derivatives --------------------------------------------------------------------------------

template <typename T, unsigned D>
void
gradientMagnitude(Family & family, const std::string & label, const std::string & inputName,
                  const typename itk::Image<T, D>::Pointer & input)
{
  using Image = itk::Image<T, D>;
  using Out = itk::Image<float, D>;
  for (bool spacing : { true, false })
  {
    auto f = itk::GradientMagnitudeImageFilter<Image, Out>::New();
    f->SetInput(input);
    f->SetUseImageSpacing(spacing);
    std::string tag = label + (spacing ? "" : "-voxels");
    family.add("GradientMagnitude/" + tag, "GradientMagnitude", { inputName, ref::flag(spacing) },
               family.image("gradient-magnitude-" + tag, run(f.GetPointer()).GetPointer()), 0.0);
  }
  for (double sigma : { 1.0, 1.7 })
  {
    auto f = itk::GradientMagnitudeRecursiveGaussianImageFilter<Image, Out>::New();
    f->SetInput(input);
    f->SetSigma(sigma);
    bool normalize = sigma > 1.5;
    f->SetNormalizeAcrossScale(normalize);
    std::string tag = label + "-sigma" + std::to_string(static_cast<int>(sigma * 10));
    family.add("GradientMagnitudeRecursiveGaussian/" + tag, "GradientMagnitudeRecursiveGaussian",
               { inputName, ref::real(sigma), ref::flag(normalize) },
               family.image("gradient-magnitude-rg-" + tag, run(f.GetPointer()).GetPointer()), 0.0);
  }
}

template <typename T, unsigned D>
void
derivatives(Family & family, const std::string & label, const std::string & inputName,
            const typename itk::Image<T, D>::Pointer & input)
{
  using Image = itk::Image<T, D>;
  for (unsigned direction = 0; direction < D; ++direction)
    for (unsigned order : { 1u, 2u, 3u })
    {
      bool spacing = order != 3;
      auto f = itk::DerivativeImageFilter<Image, Image>::New();
      f->SetInput(input);
      f->SetDirection(direction);
      f->SetOrder(order);
      f->SetUseImageSpacing(spacing);
      std::string tag = label + "-d" + std::to_string(direction) + "-o" + std::to_string(order);
      family.add("Derivative/" + tag, "Derivative",
                 { inputName, ref::real(direction), ref::real(order), ref::flag(spacing) },
                 family.image("derivative-" + tag, run(f.GetPointer()).GetPointer()), 0.0);
    }
  for (bool spacing : { true, false })
  {
    // ITK 5.2's Laplacian ignores UseImageSpacing (5.4, which SimpleITK 2.5 bundles, honours
    // it), so the voxel-unit case filters a copy with unit spacing and restores the geometry.
    typename Image::Pointer source = input;
    if (!spacing)
    {
      source = Image::New();
      source->Graft(input);
      typename Image::SpacingType unit;
      unit.Fill(1.0);
      source->SetSpacing(unit);
    }
    auto f = itk::LaplacianImageFilter<Image, Image>::New();
    f->SetInput(source);
    f->SetUseImageSpacing(spacing);
    typename Image::Pointer out = run(f.GetPointer());
    out->SetSpacing(input->GetSpacing());
    std::string tag = label + (spacing ? "" : "-voxels");
    family.add("Laplacian/" + tag, "Laplacian", { inputName, ref::flag(spacing) },
               family.image("laplacian-" + tag, out.GetPointer()), 0.0,
               spacing ? "" : "ITK 5.2 always uses the spacing; computed on a unit-spacing copy as ITK 5.4 does");
  }
}

void
neighbourhood(Family & family)
{
  auto g3 = Geometry<3>::standard({ 7, 6, 5 });
  auto g2 = Geometry<2>::standard({ 9, 8 });

  auto f32 = ref::random<float, 3>(g3, 11, -400.0, 400.0, false);
  std::string f32Name = family.image("float32-3d", f32.GetPointer());
  auto f64 = ref::random<double, 2>(g2, 12, -50.0, 50.0, false);
  std::string f64Name = family.image("float64-2d", f64.GetPointer());
  auto s16 = ref::random<int16_t, 2>(g2, 13, -2000.0, 2000.0, true);
  std::string s16Name = family.image("int16-2d", s16.GetPointer());
  auto u8 = ref::random<uint8_t, 3>(g3, 14, 0.0, 256.0, true);
  std::string u8Name = family.image("uint8-3d", u8.GetPointer());
  auto mask3 = ref::random<uint8_t, 3>(g3, 15, 0.0, 1.6, true);
  std::string mask3Name = family.image("mask-3d", mask3.GetPointer());
  auto mask2 = ref::random<uint8_t, 2>(g2, 16, 0.0, 1.7, true);
  std::string mask2Name = family.image("mask-2d", mask2.GetPointer());
  auto labels = ref::random<int16_t, 3>(g3, 17, -1.0, 3.0, true);
  std::string labelsName = family.image("labels-3d", labels.GetPointer());

  // Binary morphology: every kernel shape, unit and anisotropic radii, 2D and 3D; ITK's value
  // rules with other background/foreground values on a label image.
  for (Kernel k : { Ball, Box, Cross, Annulus })
  {
    binary<uint8_t, 3>(family, "mask-3d", mask3Name, mask3, k, { 1, 1, 1 }, 0.0, 1.0, false, true);
    binary<uint8_t, 3>(family, "mask-3d", mask3Name, mask3, k, { 2, 1, 2 }, 0.0, 1.0, false, true);
    binary<uint8_t, 2>(family, "mask-2d", mask2Name, mask2, k, { 3, 2 }, 0.0, 1.0, false, true);
  }
  binary<int16_t, 3>(family, "labels-3d-fg2-bg-1", labelsName, labels, Ball, { 1, 2, 1 }, -1.0, 2.0, true, false);
  binary<int16_t, 3>(family, "labels-3d-fg0-bg7", labelsName, labels, Box, { 1, 1, 1 }, 7.0, 0.0, false, true);
  binary<uint8_t, 3>(family, "mask-3d-r0", mask3Name, mask3, Box, { 0, 1, 0 }, 0.0, 1.0, false, true);

  // Connectivity: holes in a sparse ring mask, by-reconstruction filters.
  auto holes3 = holes<uint8_t, 3>(g3);
  std::string holes3Name = family.image("holes-3d", holes3.GetPointer());
  connectivity<uint8_t, 3>(family, "holes-3d", holes3Name, holes3, Ball, { 1, 1, 1 }, 0.0, 1.0);
  auto holes2 = holes<int16_t, 2>(g2);
  std::string holes2Name = family.image("holes-2d", holes2.GetPointer());
  connectivity<int16_t, 2>(family, "holes-2d", holes2Name, holes2, Cross, { 1, 1 }, 0.0, 1.0);
  auto noisy = ref::random<uint8_t, 3>(g3, 19, 0.0, 2.8, true);
  std::string noisyName = family.image("noisy-3d", noisy.GetPointer());
  connectivity<uint8_t, 3>(family, "noisy-3d", noisyName, noisy, Box, { 1, 1, 1 }, 0.0, 1.0);
  connectivity<uint8_t, 2>(family, "mask-2d", mask2Name, mask2, Box, { 1, 1 }, 0.0, 1.0);
  connectivity<int16_t, 3>(family, "labels-3d", labelsName, labels, Cross, { 1, 1, 1 }, -1.0, 0.0);
  greyFillhole<float, 3>(family, "float32-3d", f32Name, f32);
  greyFillhole<int16_t, 2>(family, "int16-2d", s16Name, s16);
  greyFillhole<uint8_t, 3>(family, "uint8-3d", u8Name, u8);

  // Greyscale morphology.
  for (Kernel k : { Ball, Box, Cross, Annulus })
  {
    grey<float, 3>(family, "float32-3d", f32Name, f32, k, { 1, 1, 1 });
    grey<int16_t, 2>(family, "int16-2d", s16Name, s16, k, { 2, 3 });
  }
  grey<uint8_t, 3>(family, "uint8-3d", u8Name, u8, Ball, { 2, 2, 1 });
  grey<double, 2>(family, "float64-2d", f64Name, f64, Box, { 1, 4 });

  // Smoothing.
  discreteGaussian<float, 3>(family, "float32-3d", f32Name, f32, { 1.0, 1.0, 1.0 }, 32, 0.01, true);
  discreteGaussian<float, 3>(family, "float32-3d-anisotropic", f32Name, f32, { 2.0, 0.5, 1.5 }, 32, 0.01, true);
  discreteGaussian<float, 3>(family, "float32-3d-voxels", f32Name, f32, { 2.0, 0.5, 1.5 }, 32, 0.01, false);
  discreteGaussian<float, 3>(family, "float32-3d-truncated", f32Name, f32, { 9.0, 9.0, 9.0 }, 3, 0.001, true);
  discreteGaussian<float, 3>(family, "float32-3d-coarse", f32Name, f32, { 1.0, 1.0, 1.0 }, 32, 0.2, true);
  discreteGaussian<int16_t, 2>(family, "int16-2d", s16Name, s16, { 3.0, 1.0 }, 32, 0.01, true);
  discreteGaussian<uint8_t, 3>(family, "uint8-3d", u8Name, u8, { 1.0, 2.0, 0.5 }, 32, 0.01, true);
  discreteGaussian<double, 2>(family, "float64-2d", f64Name, f64, { 0.3, 4.0 }, 32, 0.01, true);

  for (unsigned direction = 0; direction < 3; ++direction)
    for (int order = 0; order < 3; ++order)
      recursiveGaussian<float, 3>(family,
                                  "float32-3d-d" + std::to_string(direction) + "-o" + std::to_string(order),
                                  f32Name, f32, 1.5, false, order, direction);
  recursiveGaussian<float, 3>(family, "float32-3d-normalized-o1", f32Name, f32, 2.5, true, 1, 1);
  recursiveGaussian<float, 3>(family, "float32-3d-normalized-o2", f32Name, f32, 0.8, true, 2, 2);
  recursiveGaussian<int16_t, 2>(family, "int16-2d", s16Name, s16, 1.0, false, 0, 1);
  smoothingRecursiveGaussian<float, 3>(family, "float32-3d", f32Name, f32, { 1.0, 2.0, 0.7 }, false);
  smoothingRecursiveGaussian<uint8_t, 3>(family, "uint8-3d", u8Name, u8, { 1.5, 1.5, 1.5 }, true);
  smoothingRecursiveGaussian<double, 2>(family, "float64-2d", f64Name, f64, { 0.6, 3.0 }, false);
  smoothingRecursiveGaussian<int16_t, 2>(family, "int16-2d", s16Name, s16, { 1.0, 1.0 }, false);

  windows<float, 3>(family, "float32-3d", f32Name, f32, { 1, 1, 1 });
  windows<float, 3>(family, "float32-3d", f32Name, f32, { 2, 0, 3 });
  windows<int16_t, 2>(family, "int16-2d", s16Name, s16, { 2, 1 });
  windows<uint8_t, 3>(family, "uint8-3d", u8Name, u8, { 1, 2, 1 });
  windows<double, 2>(family, "float64-2d", f64Name, f64, { 5, 1 });

  // Finite-difference smoothing.
  curvatureFlow<float, 3>(family, "float32-3d", f32Name, f32, 0.05, 5);
  curvatureFlow<int16_t, 2>(family, "int16-2d", s16Name, s16, 0.15, 4);
  curvatureFlow<uint8_t, 3>(family, "uint8-3d", u8Name, u8, 0.1, 2);
  diffusions<float, 3>(family, "float32-3d", f32Name, f32);
  diffusions<double, 2>(family, "float64-2d", f64Name, f64);

  // Derivatives.
  gradientMagnitude<float, 3>(family, "float32-3d", f32Name, f32);
  gradientMagnitude<int16_t, 2>(family, "int16-2d", s16Name, s16);
  gradientMagnitude<uint8_t, 3>(family, "uint8-3d", u8Name, u8);
  gradientMagnitude<double, 2>(family, "float64-2d", f64Name, f64);
  derivatives<float, 3>(family, "float32-3d", f32Name, f32);
  derivatives<double, 2>(family, "float64-2d", f64Name, f64);

  // Refusals: pixel types the filters are not instantiated for, and inputs ITK rejects.
  family.refuse("BinaryDilate/float32", "BinaryDilate", { f32Name }, "pixel type 32-bit float is not supported");
  family.refuse("Laplacian/int16", "Laplacian", { s16Name },
                "pixel type 16-bit signed integer is not supported");
  family.refuse("Derivative/int16", "Derivative", { s16Name }, "pixel type 16-bit signed integer is not supported");
  family.refuse("GradientAnisotropicDiffusion/uint8", "GradientAnisotropicDiffusion", { u8Name },
                "pixel type 8-bit unsigned integer is not supported");
  auto thin = ref::random<float, 2>(Geometry<2>::standard({ 3, 8 }), 18, 0.0, 1.0, false);
  std::string thinName = family.image("float32-2d-thin", thin.GetPointer());
  family.refuse("SmoothingRecursiveGaussian/too-thin", "SmoothingRecursiveGaussian", { thinName },
                "less than 4", "ITK's recursive filters need four voxels along every axis they filter");
  family.refuse("RecursiveGaussian/bad-direction", "RecursiveGaussian",
                { f32Name, ref::real(1.0), ref::flag(false), ref::real(0), ref::real(3) },
                "greater than ImageDimension");
  family.refuse("RecursiveGaussian/zero-sigma", "RecursiveGaussian", { f32Name, ref::real(0.0) },
                "Sigma must be greater than zero");
}

ref::Register registration("neighbourhood", neighbourhood);

} // namespace
