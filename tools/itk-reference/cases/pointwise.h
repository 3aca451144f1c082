// Helpers shared by the pixel-wise families (pointwise, intensity, thresholds): inputs written
// once and referred to by their JSON, and the runtime conversions SimpleITK makes.
#pragma once

#include "reference.h"

namespace pw {

// An input image and its description in the manifest.
template <typename T, unsigned D>
struct Input
{
  typename itk::Image<T, D>::Pointer image;
  std::string                        json;
};

template <typename T, unsigned D>
Input<T, D>
input(ref::Family & family, const std::string & name, const ref::Geometry<D> & g, unsigned seed, double lo,
      double hi, bool whole)
{
  auto image = ref::random<T, D>(g, seed, lo, hi, whole);
  std::string json = family.image(name, image.GetPointer());
  return { image, json };
}

// static_cast<T>(value) made at run time, as SimpleITK makes it on the value a program passes:
// a constant the compiler folds may come out differently where the conversion is undefined.
template <typename T>
T
toPixel(double value)
{
  volatile double v = value;
  return static_cast<T>(v);
}

// A type carried as a value, to pick a functor in a generic lambda.
template <typename T>
struct Tag
{
  using type = T;
};

} // namespace pw
