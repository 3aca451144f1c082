// Shared plumbing of the ITK reference generator: deterministic input images, raw voxel files,
// and the JSON manifest each family of cases writes.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

#include "itkImage.h"
#include "itkImageRegionIterator.h"

namespace ref {

// JSON fragments, written by hand: the manifest needs numbers, strings, arrays and objects.
std::string real(double value);
std::string integer(long long value);
std::string text(const std::string & value);
std::string flag(bool value);
std::string list(const std::vector<std::string> & items);
std::string object(const std::vector<std::pair<std::string, std::string>> & members);
std::string reals(const std::vector<double> & values);
std::string integers(const std::vector<long long> & values);

template <typename T>
const char *
dtype()
{
  if constexpr (std::is_same_v<T, uint8_t>)
    return "uint8";
  else if constexpr (std::is_same_v<T, int8_t>)
    return "int8";
  else if constexpr (std::is_same_v<T, uint16_t>)
    return "uint16";
  else if constexpr (std::is_same_v<T, int16_t>)
    return "int16";
  else if constexpr (std::is_same_v<T, uint32_t>)
    return "uint32";
  else if constexpr (std::is_same_v<T, int32_t>)
    return "int32";
  else if constexpr (std::is_same_v<T, uint64_t>)
    return "uint64";
  else if constexpr (std::is_same_v<T, int64_t>)
    return "int64";
  else if constexpr (std::is_same_v<T, float>)
    return "float32";
  else
  {
    static_assert(std::is_same_v<T, double>, "unsupported pixel type");
    return "float64";
  }
}

// The geometry most cases use: anisotropic spacing, an origin off zero and one flipped axis, so
// that a filter which ignores or mishandles physical space shows it.
template <unsigned D>
struct Geometry
{
  itk::Size<D>            size;
  itk::Vector<double, D>  spacing;
  itk::Point<double, D>   origin;
  itk::Matrix<double, D, D> direction;

  static Geometry standard(std::initializer_list<itk::SizeValueType> extent)
  {
    Geometry g;
    unsigned i = 0;
    for (auto e : extent)
    {
      g.size[i] = e;
      g.spacing[i] = 0.9 + 0.2 * i;
      g.origin[i] = -3.25 + 7.5 * i;
      ++i;
    }
    g.direction.SetIdentity();
    g.direction(1, 1) = -1.0;
    return g;
  }
};

template <typename T, unsigned D>
typename itk::Image<T, D>::Pointer
blank(const Geometry<D> & g)
{
  auto image = itk::Image<T, D>::New();
  typename itk::Image<T, D>::RegionType region;
  region.SetSize(g.size);
  image->SetRegions(region);
  image->SetSpacing(g.spacing);
  image->SetOrigin(g.origin);
  image->SetDirection(g.direction);
  image->Allocate(true);
  return image;
}

// An image of pseudo-random voxels in [lo, hi]; whole numbers when `whole` is set. The generator
// is seeded, and the voxels are written to the vectors, so the inputs never need regenerating
// to be reproduced.
template <typename T, unsigned D>
typename itk::Image<T, D>::Pointer
random(const Geometry<D> & g, unsigned seed, double lo, double hi, bool whole)
{
  auto image = blank<T, D>(g);
  std::mt19937_64 engine(seed);
  std::uniform_real_distribution<double> uniform(lo, hi);
  for (itk::ImageRegionIterator<itk::Image<T, D>> it(image, image->GetLargestPossibleRegion()); !it.IsAtEnd();
       ++it)
  {
    double v = uniform(engine);
    it.Set(static_cast<T>(whole ? std::floor(v) : v));
  }
  return image;
}

// One family of cases: its manifest and its voxel files, in <root>/<name>/.
class Family
{
public:
  Family(std::string root, std::string name);

  // Writes the voxels of `image` as <file>.raw and returns the image's JSON description.
  template <typename TImage>
  std::string
  image(const std::string & file, const TImage * image)
  {
    using Pixel = typename TImage::PixelType;
    constexpr unsigned D = TImage::ImageDimension;
    std::vector<long long> size;
    std::vector<double>    spacing, origin, direction;
    for (unsigned i = 0; i < D; ++i)
    {
      size.push_back(image->GetLargestPossibleRegion().GetSize()[i]);
      spacing.push_back(image->GetSpacing()[i]);
      origin.push_back(image->GetOrigin()[i]);
    }
    for (unsigned r = 0; r < D; ++r)
      for (unsigned c = 0; c < D; ++c)
        direction.push_back(image->GetDirection()(r, c));
    std::vector<char> bytes;
    for (itk::ImageRegionConstIterator<TImage> it(image, image->GetLargestPossibleRegion()); !it.IsAtEnd(); ++it)
    {
      Pixel v = it.Get();
      const char * p = reinterpret_cast<const char *>(&v);
      bytes.insert(bytes.end(), p, p + sizeof(Pixel));
    }
    writeBytes(file + ".raw", bytes);
    return object({ { "image",
                      object({ { "file", text(file + ".raw") },
                               { "dtype", text(dtype<Pixel>()) },
                               { "size", integers(size) },
                               { "spacing", reals(spacing) },
                               { "origin", reals(origin) },
                               { "direction", reals(direction) } }) } });
  }

  // A case: `procedure` called with `args` (JSON values as an ImgQL program passes them) gives
  // `expected` ({"image": …} or {"value": …}) within `tolerance` (an absolute bound).
  void add(const std::string & id, const std::string & procedure, const std::vector<std::string> & args,
           const std::string & expected, double tolerance, const std::string & note = "");

  // A case whose call fails in SimpleITK, with a fragment of the message VoxBeam must give.
  void refuse(const std::string & id, const std::string & procedure, const std::vector<std::string> & args,
              const std::string & message, const std::string & note = "");

  void write() const;

  // Where this family writes its files, for a family that also writes files of its own.
  const std::string & path() const { return directory; }

private:
  void writeBytes(const std::string & file, const std::vector<char> & bytes) const;

  std::string              directory;
  std::string              name;
  std::vector<std::string> cases;
};

// Each cases/<family>.cxx registers its function with a static Register.
using CaseFunction = std::function<void(Family &)>;
std::map<std::string, CaseFunction> & families();

struct Register
{
  Register(const char * family, CaseFunction function) { families()[family] = std::move(function); }
};

// static_cast<T>(value) as the processor computes it at run time. A conversion of a constant
// the compiler can see is folded at compile time, which saturates out-of-range values where
// SimpleITK, converting an argument it receives at run time, keeps the processor's result.
template <typename T>
T
runtimeCast(double value)
{
  volatile double v = value;
  return static_cast<T>(v);
}

// The value as a JSON value: a float or an integer by C++ type.
template <typename T>
std::string
scalar(T value)
{
  if constexpr (std::is_floating_point_v<T>)
    return real(value);
  else
    return integer(static_cast<long long>(value));
}

} // namespace ref
