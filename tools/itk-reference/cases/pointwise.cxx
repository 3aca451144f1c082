// Pixel-wise arithmetic, logic, comparison and the math functions, configured as SimpleITK's
// procedures configure the ITK filters: constants converted to the pixel type by static_cast
// (SimpleITK's ToPixelType), comparison outputs uint8 with SimpleITK's foreground/background.
#include "reference.h"
#include "pointwise.h"

#include "itkAbsImageFilter.h"
#include "itkAbsoluteValueDifferenceImageFilter.h"
#include "itkAcosImageFilter.h"
#include "itkAddImageFilter.h"
#include "itkAndImageFilter.h"
#include "itkArithmeticOpsFunctors.h"
#include "itkAsinImageFilter.h"
#include "itkAtan2ImageFilter.h"
#include "itkAtanImageFilter.h"
#include "itkBinaryFunctorImageFilter.h"
#include "itkBinaryNotImageFilter.h"
#include "itkBitwiseOpsFunctors.h"
#include "itkBoundedReciprocalImageFilter.h"
#include "itkCosImageFilter.h"
#include "itkDivideImageFilter.h"
#include "itkExpImageFilter.h"
#include "itkExpNegativeImageFilter.h"
#include "itkLog10ImageFilter.h"
#include "itkLogImageFilter.h"
#include "itkLogicOpsFunctors.h"
#include "itkMaximumImageFilter.h"
#include "itkMinimumImageFilter.h"
#include "itkModulusImageFilter.h"
#include "itkMultiplyImageFilter.h"
#include "itkNaryAddImageFilter.h"
#include "itkNaryMaximumImageFilter.h"
#include "itkNotImageFilter.h"
#include "itkOrImageFilter.h"
#include "itkPowImageFilter.h"
#include "itkRoundImageFilter.h"
#include "itkSinImageFilter.h"
#include "itkSqrtImageFilter.h"
#include "itkSquareImageFilter.h"
#include "itkSquaredDifferenceImageFilter.h"
#include "itkSubtractImageFilter.h"
#include "itkTanImageFilter.h"
#include "itkUnaryFunctorImageFilter.h"
#include "itkXorImageFilter.h"

namespace {

using ref::Family;
using ref::Geometry;
using pw::Input;
using pw::input;
using pw::toPixel;

enum class Side
{
  Images,
  ConstantRight,
  ConstantLeft
};

// How a procedure's constant parameter reaches the pixel type: SimpleITK's `double constant`
// by static_cast from double, `uint32_t` and `int` constants as C++ converts integers.
enum class ConstantType
{
  Real,
  UInt32,
  Int
};

template <typename T>
T
constantOf(double value, ConstantType type)
{
  switch (type)
  {
    case ConstantType::UInt32:
      return static_cast<T>(static_cast<uint32_t>(value));
    case ConstantType::Int:
      return static_cast<T>(static_cast<int>(value));
    default:
      return toPixel<T>(value);
  }
}

std::string
fileName(const std::string & id)
{
  std::string out;
  for (char c : id)
    out += (c == '/' || c == ' ') ? '-' : c;
  return out;
}

// A two-input filter on (image, image), (image, constant) or (constant, image); `extra` are the
// further arguments as a program passes them, `configure` sets them on the filter.
template <typename TFilter, typename T, unsigned D>
void
binary(Family & family, const std::string & procedure, const std::string & label, const Input<T, D> & a,
       const Input<T, D> & b, Side side, double constant = 0, ConstantType type = ConstantType::Real,
       double tolerance = 0, const std::string & note = "",
       const std::function<void(TFilter *)> & configure = {}, const std::vector<std::string> & extra = {})
{
  auto filter = TFilter::New();
  std::vector<std::string> args;
  switch (side)
  {
    case Side::Images:
      filter->SetInput1(a.image);
      filter->SetInput2(b.image);
      args = { a.json, b.json };
      break;
    case Side::ConstantRight:
      filter->SetInput1(a.image);
      filter->SetConstant2(constantOf<T>(constant, type));
      args = { a.json, ref::real(constant) };
      break;
    case Side::ConstantLeft:
      filter->SetConstant1(constantOf<T>(constant, type));
      filter->SetInput2(b.image);
      args = { ref::real(constant), b.json };
      break;
  }
  if (configure)
    configure(filter);
  args.insert(args.end(), extra.begin(), extra.end());
  filter->Update();
  std::string id = procedure + "/" + label;
  family.add(id, procedure, args, family.image(fileName(id), filter->GetOutput()), tolerance, note);
}

template <typename TFilter, typename TInput>
void
unary(Family & family, const std::string & procedure, const std::string & label, const TInput & a,
      double tolerance = 0, const std::string & note = "", const std::function<void(TFilter *)> & configure = {},
      const std::vector<std::string> & extra = {})
{
  auto filter = TFilter::New();
  filter->SetInput(a.image);
  if (configure)
    configure(filter);
  filter->Update();
  std::vector<std::string> args{ a.json };
  args.insert(args.end(), extra.begin(), extra.end());
  std::string id = procedure + "/" + label;
  family.add(id, procedure, args, family.image(fileName(id), filter->GetOutput()), tolerance, note);
}

template <typename T, unsigned D>
using Img = itk::Image<T, D>;

template <typename T, unsigned D>
using U8 = itk::Image<uint8_t, D>;

// Add, Subtract, Multiply, Divide on two images and with a constant on either side.
template <typename T, unsigned D>
void
arithmetic(Family & family, const std::string & label, const Input<T, D> & a, const Input<T, D> & b, double c)
{
  using I = Img<T, D>;
  const char * wrap = std::is_integral_v<T> ? "C++ integer promotion, wrap-around in the pixel type" : "";
  binary<itk::AddImageFilter<I, I, I>>(family, "Add", label, a, b, Side::Images, 0, ConstantType::Real, 0, wrap);
  binary<itk::SubtractImageFilter<I, I, I>>(family, "Subtract", label, a, b, Side::Images, 0, ConstantType::Real, 0,
                                            wrap);
  binary<itk::MultiplyImageFilter<I, I, I>>(family, "Multiply", label, a, b, Side::Images, 0, ConstantType::Real, 0,
                                            wrap);
  binary<itk::DivideImageFilter<I, I, I>>(family, "Divide", label, a, b, Side::Images, 0, ConstantType::Real, 0,
                                          "a zero divisor gives the type's maximum");
  binary<itk::AddImageFilter<I, I, I>>(family, "Add", label + "-constant", a, b, Side::ConstantRight, c);
  binary<itk::SubtractImageFilter<I, I, I>>(family, "Subtract", label + "-constant-first", a, b,
                                            Side::ConstantLeft, c);
  binary<itk::MultiplyImageFilter<I, I, I>>(family, "Multiply", label + "-constant", a, b, Side::ConstantRight, c);
  binary<itk::DivideImageFilter<I, I, I>>(family, "Divide", label + "-constant-first", a, b, Side::ConstantLeft, c);
}

template <typename T, unsigned D>
void
extremes(Family & family, const std::string & label, const Input<T, D> & a, const Input<T, D> & b, double c)
{
  using I = Img<T, D>;
  binary<itk::MaximumImageFilter<I, I, I>>(family, "Maximum", label, a, b, Side::Images);
  binary<itk::MinimumImageFilter<I, I, I>>(family, "Minimum", label, a, b, Side::Images);
  binary<itk::MaximumImageFilter<I, I, I>>(family, "Maximum", label + "-constant", a, b, Side::ConstantRight, c);
  binary<itk::MinimumImageFilter<I, I, I>>(family, "Minimum", label + "-constant-first", a, b, Side::ConstantLeft, c);
}

template <typename T, unsigned D>
void
differences(Family & family, const std::string & label, const Input<T, D> & a, const Input<T, D> & b)
{
  using I = Img<T, D>;
  binary<itk::AbsoluteValueDifferenceImageFilter<I, I, I>>(family, "AbsoluteValueDifference", label, a, b,
                                                            Side::Images);
  binary<itk::SquaredDifferenceImageFilter<I, I, I>>(family, "SquaredDifference", label, a, b, Side::Images);
  using Floor = itk::BinaryFunctorImageFilter<I, I, I, itk::Functor::DivFloor<T, T, T>>;
  binary<Floor>(family, "DivideFloor", label, a, b, Side::Images, 0, ConstantType::Real, 0,
                "floor of the double quotient; infinite quotients saturate for integer pixels");
  using R = Img<double, D>;
  using Real = itk::BinaryFunctorImageFilter<I, I, R, itk::Functor::DivReal<T, T, double>>;
  binary<Real>(family, "DivideReal", label, a, b, Side::Images);
}

// The six comparisons, with SimpleITK's default foreground 1 and background 0 unless given.
template <typename T, unsigned D>
void
comparisons(Family & family, const std::string & label, const Input<T, D> & a, const Input<T, D> & b, Side side,
            double c, int background = 0, int foreground = 1)
{
  using I = Img<T, D>;
  using O = U8<T, D>;
  std::vector<std::string> extra;
  if (background != 0 || foreground != 1)
    extra = { ref::real(background), ref::real(foreground) };
  auto run = [&](auto tag, const std::string & procedure) {
    using Functor = typename decltype(tag)::type;
    using Filter = itk::BinaryFunctorImageFilter<I, I, O, Functor>;
    binary<Filter>(family, procedure, label, a, b, side, c, ConstantType::Real, 0,
                   "the constant is cast to the pixel type before comparing",
                   [&](Filter * f) {
                     f->GetFunctor().SetBackgroundValue(static_cast<uint8_t>(background));
                     f->GetFunctor().SetForegroundValue(static_cast<uint8_t>(foreground));
                   },
                   extra);
  };
  run(pw::Tag<itk::Functor::Equal<T, T, uint8_t>>{}, "Equal");
  run(pw::Tag<itk::Functor::NotEqual<T, T, uint8_t>>{}, "NotEqual");
  run(pw::Tag<itk::Functor::Greater<T, T, uint8_t>>{}, "Greater");
  run(pw::Tag<itk::Functor::GreaterEqual<T, T, uint8_t>>{}, "GreaterEqual");
  run(pw::Tag<itk::Functor::Less<T, T, uint8_t>>{}, "Less");
  run(pw::Tag<itk::Functor::LessEqual<T, T, uint8_t>>{}, "LessEqual");
}

// And, Or, Xor and Modulus: integer pixels, integer constants.
template <typename T, unsigned D>
void
integers(Family & family, const std::string & label, const Input<T, D> & a, const Input<T, D> & b, double c)
{
  using I = Img<T, D>;
  binary<itk::AndImageFilter<I, I, I>>(family, "And", label, a, b, Side::Images);
  binary<itk::OrImageFilter<I, I, I>>(family, "Or", label, a, b, Side::Images);
  binary<itk::XorImageFilter<I, I, I>>(family, "Xor", label, a, b, Side::Images);
  binary<itk::AndImageFilter<I, I, I>>(family, "And", label + "-constant", a, b, Side::ConstantRight, c,
                                       ConstantType::Int);
  binary<itk::OrImageFilter<I, I, I>>(family, "Or", label + "-constant-first", a, b, Side::ConstantLeft, c,
                                      ConstantType::Int);
  binary<itk::ModulusImageFilter<I, I, I>>(family, "Modulus", label, a, b, Side::Images, 0, ConstantType::Real, 0,
                                           "C++ %; a zero divisor gives the type's maximum");
  binary<itk::ModulusImageFilter<I, I, I>>(family, "Modulus", label + "-constant", a, b, Side::ConstantRight,
                                           std::abs(c), ConstantType::UInt32);
}

// The C library functions: double results may differ from glibc's in the last bit.
template <typename T, unsigned D>
void
functions(Family & family, const std::string & label, const Input<T, D> & a, double tolerance)
{
  using I = Img<T, D>;
  const char * ulp = tolerance > 0 ? "the C library's functions and Java's agree within an ulp" : "";
  unary<itk::SqrtImageFilter<I, I>>(family, "Sqrt", label, a);
  unary<itk::SquareImageFilter<I, I>>(family, "Square", label, a);
  unary<itk::ExpImageFilter<I, I>>(family, "Exp", label, a, tolerance * 4, ulp);
  unary<itk::ExpNegativeImageFilter<I, I>>(family, "ExpNegative", label, a, tolerance * 4, ulp);
  unary<itk::LogImageFilter<I, I>>(family, "Log", label, a, tolerance, ulp);
  unary<itk::Log10ImageFilter<I, I>>(family, "Log10", label, a, tolerance, ulp);
  unary<itk::SinImageFilter<I, I>>(family, "Sin", label, a, tolerance, ulp);
  unary<itk::CosImageFilter<I, I>>(family, "Cos", label, a, tolerance, ulp);
  unary<itk::TanImageFilter<I, I>>(family, "Tan", label, a, tolerance * 4, ulp);
  unary<itk::AsinImageFilter<I, I>>(family, "Asin", label, a, tolerance, ulp);
  unary<itk::AcosImageFilter<I, I>>(family, "Acos", label, a, tolerance, ulp);
  unary<itk::AtanImageFilter<I, I>>(family, "Atan", label, a, tolerance, ulp);
  unary<itk::AbsImageFilter<I, I>>(family, "Abs", label, a);
  unary<itk::BoundedReciprocalImageFilter<I, Img<double, D>>>(family, "BoundedReciprocal", label, a);
}

template <typename T, unsigned D>
void
logic(Family & family, const std::string & label, const Input<T, D> & a, double foreground, double background)
{
  using I = Img<T, D>;
  unary<itk::NotImageFilter<I, I>>(family, "Not", label, a);
  using BitwiseNot = itk::UnaryFunctorImageFilter<I, I, itk::Functor::BitwiseNot<T, T>>;
  unary<BitwiseNot>(family, "BitwiseNot", label, a);
  using BinaryNot = itk::BinaryNotImageFilter<I>;
  unary<BinaryNot>(
    family, "BinaryNot", label, a, 0, "",
    [&](BinaryNot * f) {
      f->SetForegroundValue(toPixel<T>(foreground));
      f->SetBackgroundValue(toPixel<T>(background));
    },
    { ref::real(foreground), ref::real(background) });
}

template <typename T, unsigned D>
void
nary(Family & family, const std::string & label, const std::vector<const Input<T, D> *> & inputs, bool asList)
{
  using I = Img<T, D>;
  auto add = itk::NaryAddImageFilter<I, I>::New();
  auto max = itk::NaryMaximumImageFilter<I, I>::New();
  std::vector<std::string> images;
  for (unsigned i = 0; i < inputs.size(); ++i)
  {
    add->SetInput(i, inputs[i]->image);
    max->SetInput(i, inputs[i]->image);
    images.push_back(inputs[i]->json);
  }
  add->Update();
  max->Update();
  std::vector<std::string> args = asList ? std::vector<std::string>{ ref::list(images) } : images;
  family.add("NaryAdd/" + label, "NaryAdd", args, family.image(fileName("NaryAdd/" + label), add->GetOutput()), 0,
             "summed in the pixel type's accumulator: double for float pixels");
  family.add("NaryMaximum/" + label, "NaryMaximum", args,
             family.image(fileName("NaryMaximum/" + label), max->GetOutput()), 0);
}

void
pointwise(Family & family)
{
  auto g3 = Geometry<3>::standard({ 7, 6, 5 });
  auto g2 = Geometry<2>::standard({ 9, 8 });

  auto u8a = input<uint8_t, 3>(family, "uint8-3d-a", g3, 11, 0, 256, true);
  auto u8b = input<uint8_t, 3>(family, "uint8-3d-b", g3, 12, 0, 256, true);
  auto u8s = input<uint8_t, 3>(family, "uint8-3d-small", g3, 13, 0, 4, true);
  auto i8a = input<int8_t, 3>(family, "int8-3d-a", g3, 14, -128, 128, true);
  auto i8b = input<int8_t, 3>(family, "int8-3d-b", g3, 15, -3, 3, true);
  auto i16a = input<int16_t, 2>(family, "int16-2d-a", g2, 16, -2000, 2000, true);
  auto i16b = input<int16_t, 2>(family, "int16-2d-b", g2, 17, -40, 40, true);
  auto u16a = input<uint16_t, 2>(family, "uint16-2d-a", g2, 18, 0, 65536, true);
  auto u16b = input<uint16_t, 2>(family, "uint16-2d-b", g2, 19, 0, 65536, true);
  auto i32a = input<int32_t, 3>(family, "int32-3d-a", g3, 20, -2147483648.0, 2147483647.0, true);
  auto i32b = input<int32_t, 3>(family, "int32-3d-b", g3, 21, -2147483648.0, 2147483647.0, true);
  auto u32a = input<uint32_t, 2>(family, "uint32-2d-a", g2, 22, 0, 4294967295.0, true);
  auto u32b = input<uint32_t, 2>(family, "uint32-2d-b", g2, 23, 0, 70000, true);
  auto i64a = input<int64_t, 3>(family, "int64-3d-a", g3, 24, -9.2e18, 9.2e18, true);
  auto i64b = input<int64_t, 3>(family, "int64-3d-b", g3, 25, -1e6, 1e6, true);
  auto u64a = input<uint64_t, 2>(family, "uint64-2d-a", g2, 26, 0, 1.8e19, true);
  auto u64b = input<uint64_t, 2>(family, "uint64-2d-b", g2, 27, 0, 1.8e19, true);
  auto f32a = input<float, 3>(family, "float32-3d-a", g3, 28, -100, 100, false);
  auto f32b = input<float, 3>(family, "float32-3d-b", g3, 29, -2, 3, true);
  auto f32c = input<float, 3>(family, "float32-3d-c", g3, 30, -1e6, 1e6, false);
  auto f32u = input<float, 3>(family, "float32-3d-unit", g3, 31, -1, 1, false);
  auto f32h = input<float, 3>(family, "float32-3d-halves", g3, 32, -8, 8, true);
  auto f64a = input<double, 2>(family, "float64-2d-a", g2, 33, -100, 100, false);
  auto f64b = input<double, 2>(family, "float64-2d-b", g2, 34, -2, 3, true);
  auto f64u = input<double, 2>(family, "float64-2d-unit", g2, 35, -1, 1, false);

  arithmetic<uint8_t, 3>(family, "uint8-3d", u8a, u8s, 2.7);
  arithmetic<int8_t, 3>(family, "int8-3d", i8a, i8b, -3.5);
  arithmetic<int16_t, 2>(family, "int16-2d", i16a, i16b, 300.25);
  arithmetic<uint16_t, 2>(family, "uint16-2d", u16a, u16b, 70000.0);
  arithmetic<int32_t, 3>(family, "int32-3d", i32a, i32b, -7.9);
  arithmetic<uint32_t, 2>(family, "uint32-2d", u32a, u32b, 3.0);
  arithmetic<int64_t, 3>(family, "int64-3d", i64a, i64b, 1e18);
  arithmetic<uint64_t, 2>(family, "uint64-2d", u64a, u64b, 1.5e19);
  arithmetic<float, 3>(family, "float32-3d", f32a, f32b, 0.1);
  arithmetic<double, 2>(family, "float64-2d", f64a, f64b, 0.1);
  {
    using I = Img<uint8_t, 3>;
    binary<itk::AddImageFilter<I, I, I>>(family, "Add", "uint8-3d-constant-out-of-range", u8a, u8a,
                                         Side::ConstantRight, 300.0, ConstantType::Real, 0,
                                         "300 as uint8 is what x86-64 makes of it: 44");
    binary<itk::ModulusImageFilter<I, I, I>>(family, "Modulus", "uint8-3d-by-zero", u8a, u8a, Side::ConstantRight,
                                             0, ConstantType::UInt32, 0, "a zero divisor gives 255");
    family.refuse("Divide/uint8-3d-by-zero", "Divide", { u8a.json, ref::real(0.75) },
                  "The constant value used as denominator should not be set to zero", "0.75 is cast to 0");
    family.refuse("Divide/float32-3d-by-tiny", "Divide", { f32a.json, ref::real(1e-9) },
                  "The constant value used as denominator should not be set to zero",
                  "ITK takes a float within 0.1 epsilon of zero for zero");
  }

  extremes<uint8_t, 3>(family, "uint8-3d", u8a, u8b, 100.5);
  extremes<int64_t, 3>(family, "int64-3d", i64a, i64b, -5.0);
  extremes<uint64_t, 2>(family, "uint64-2d", u64a, u64b, 1e19);
  extremes<float, 3>(family, "float32-3d", f32a, f32c, 0.5);

  differences<uint8_t, 3>(family, "uint8-3d", u8a, u8s);
  differences<int16_t, 2>(family, "int16-2d", i16a, i16b);
  differences<float, 3>(family, "float32-3d", f32a, f32b);
  differences<double, 2>(family, "float64-2d", f64a, f64b);

  {
    using F = Img<float, 3>;
    using D = Img<double, 2>;
    using U = Img<uint8_t, 3>;
    binary<itk::PowImageFilter<F, F, F>>(family, "Pow", "float32-3d-constant", f32c, f32c, Side::ConstantRight, 2.0);
    binary<itk::PowImageFilter<F, F, F>>(family, "Pow", "float32-3d", f32u, f32b, Side::Images, 0,
                                         ConstantType::Real, 1e-6, "std::pow in double, rounded to float");
    binary<itk::PowImageFilter<D, D, D>>(family, "Pow", "float64-2d-constant-first", f64a, f64u, Side::ConstantLeft,
                                         2.5, ConstantType::Real, 1e-15, "std::pow within an ulp");
    binary<itk::PowImageFilter<U, U, U>>(family, "Pow", "uint8-3d", u8s, u8s, Side::Images);
    binary<itk::Atan2ImageFilter<F, F, F>>(family, "Atan2", "float32-3d", f32a, f32c, Side::Images);
    binary<itk::Atan2ImageFilter<D, D, D>>(family, "Atan2", "float64-2d", f64a, f64u, Side::Images, 0,
                                           ConstantType::Real, 1e-15, "std::atan2 within an ulp");
    using S = Img<int16_t, 2>;
    binary<itk::Atan2ImageFilter<S, S, S>>(family, "Atan2", "int16-2d-constant", i16a, i16a, Side::ConstantRight,
                                           -1.0);
  }

  comparisons<uint8_t, 3>(family, "uint8-3d", u8a, u8b, Side::Images, 0);
  comparisons<uint8_t, 3>(family, "uint8-3d-constant", u8a, u8a, Side::ConstantRight, 127.5);
  comparisons<uint8_t, 3>(family, "uint8-3d-constant-first", u8a, u8a, Side::ConstantLeft, 127.5, 3, 255);
  comparisons<float, 3>(family, "float32-3d-constant", f32b, f32b, Side::ConstantRight, 1.0);
  comparisons<int16_t, 2>(family, "int16-2d", i16b, i16b, Side::Images, 0);
  comparisons<uint64_t, 2>(family, "uint64-2d", u64a, u64b, Side::Images, 0);

  integers<uint8_t, 3>(family, "uint8-3d", u8a, u8b, 7);
  integers<int16_t, 2>(family, "int16-2d", i16a, i16b, -6);
  integers<uint64_t, 2>(family, "uint64-2d", u64a, u64b, -1);
  {
    using I = Img<int8_t, 3>;
    binary<itk::ModulusImageFilter<I, I, I>>(family, "Modulus", "int8-3d", i8a, i8b, Side::Images, 0,
                                             ConstantType::Real, 0, "C++ %: the sign follows the dividend");
  }

  functions<float, 3>(family, "float32-3d-unit", f32u, 0);
  functions<double, 2>(family, "float64-2d-unit", f64u, 1e-15);
  {
    using F = Img<float, 3>;
    using U = Img<uint8_t, 3>;
    using S = Img<int16_t, 2>;
    using B = Img<int8_t, 3>;
    unary<itk::SqrtImageFilter<F, F>>(family, "Sqrt", "float32-3d", f32a, 0, "negative voxels give NaN");
    unary<itk::SqrtImageFilter<S, S>>(family, "Sqrt", "int16-2d", i16a, 0,
                                      "NaN cast to int16 is what x86-64 makes of it");
    unary<itk::SqrtImageFilter<U, U>>(family, "Sqrt", "uint8-3d", u8a);
    unary<itk::SquareImageFilter<U, U>>(family, "Square", "uint8-3d", u8a, 0, "the square cast back to uint8");
    unary<itk::LogImageFilter<U, U>>(family, "Log", "uint8-3d", u8a, 0, "log(0) = -inf cast to uint8");
    unary<itk::ExpImageFilter<F, F>>(family, "Exp", "float32-3d", f32a, 0, "overflow to infinity");
    unary<itk::AbsImageFilter<B, B>>(family, "Abs", "int8-3d", i8a, 0, "abs(-128) stays -128");
    unary<itk::AbsImageFilter<S, S>>(family, "Abs", "int16-2d", i16a);
    unary<itk::AbsImageFilter<F, F>>(family, "Abs", "float32-3d", f32a);
    unary<itk::RoundImageFilter<F, F>>(family, "Round", "float32-3d-halves", f32h, 0, "");
    unary<itk::RoundImageFilter<F, F>>(family, "Round", "float32-3d", f32c);
    using D = Img<double, 2>;
    unary<itk::RoundImageFilter<D, D>>(family, "Round", "float64-2d", f64a);
    using MinusB = itk::UnaryFunctorImageFilter<B, B, itk::Functor::UnaryMinus<int8_t, int8_t>>;
    unary<MinusB>(family, "UnaryMinus", "int8-3d", i8a, 0, "-(-128) wraps to -128");
    using MinusF = itk::UnaryFunctorImageFilter<F, F, itk::Functor::UnaryMinus<float, float>>;
    unary<MinusF>(family, "UnaryMinus", "float32-3d", f32a);
    unary<itk::BoundedReciprocalImageFilter<U, Img<double, 3>>>(family, "BoundedReciprocal", "uint8-3d", u8a);
  }
  {
    using F = Img<float, 3>;
    auto huge = input<float, 3>(family, "float32-3d-huge", g3, 36, -1e10, 1e10, false);
    unary<itk::RoundImageFilter<F, F>>(family, "Round", "float32-3d-huge", huge, 0,
                                       "beyond int32 the SSE conversion gives its indefinite value, halved");
  }

  logic<uint8_t, 3>(family, "uint8-3d", u8s, 1, 0);
  logic<int16_t, 2>(family, "int16-2d", i16b, 5, -2);
  logic<int32_t, 3>(family, "int32-3d", i32a, 1, 0);

  nary<float, 3>(family, "float32-3d", { &f32a, &f32c, &f32u }, false);
  nary<float, 3>(family, "float32-3d-list", { &f32a, &f32c, &f32u, &f32b, &f32h }, true);
  nary<uint8_t, 3>(family, "uint8-3d", { &u8a, &u8b, &u8s }, false);
  nary<int16_t, 2>(family, "int16-2d", { &i16a, &i16b }, false);

  // Refusals: SimpleITK's checks on the inputs and its instantiated pixel types.
  auto f32other = input<float, 2>(family, "float32-2d", g2, 37, 0, 1, false);
  family.refuse("Add/pixel-types-differ", "Add", { u8a.json, f32a.json }, "which does not match the primary input's pixel type",
                "SimpleITK: the image2 input may need casting");
  family.refuse("Add/dimensions-differ", "Add", { f32a.json, f32other.json }, "which does not match the primary input's dimension");
  auto g3wide = Geometry<3>::standard({ 7, 6, 4 });
  auto f32short = input<float, 3>(family, "float32-3d-short", g3wide, 38, 0, 1, false);
  family.refuse("Add/sizes-differ", "Add", { f32a.json, f32short.json }, "which does not match the primary input's size",
                "ITK fails when image2 is smaller and reads the corner of a larger one; VoxBeam refuses both");
  auto g3moved = Geometry<3>::standard({ 7, 6, 5 });
  g3moved.origin[0] += 0.5;
  auto f32moved = input<float, 3>(family, "float32-3d-moved", g3moved, 39, 0, 1, false);
  family.refuse("Multiply/spaces-differ", "Multiply", { f32a.json, f32moved.json },
                "inputs do not occupy the same physical space", "ITK's VerifyInputInformation");
  family.refuse("Modulus/float", "Modulus", { f32a.json, f32b.json }, "pixel type 32-bit float is not supported");
  family.refuse("And/float", "And", { f32a.json, ref::real(1) }, "pixel type 32-bit float is not supported");
  family.refuse("Not/float", "Not", { f32a.json }, "pixel type 32-bit float is not supported");
  family.refuse("Round/uint8", "Round", { u8a.json }, "pixel type 8-bit unsigned integer is not supported");
  family.refuse("UnaryMinus/uint8", "UnaryMinus", { u8a.json }, "pixel type 8-bit unsigned integer is not supported");
  family.refuse("Modulus/negative-constant", "Modulus", { u8a.json, ref::real(-3) }, "must lie in 0..4294967295",
                "the constant is a uint32_t");
  family.refuse("NaryAdd/pixel-types-differ", "NaryAdd", { ref::list({ u8a.json, f32a.json }) },
                "which does not match the primary input's pixel type");
}

ref::Register registration("pointwise", pointwise);

} // namespace
