// Pixel types and whole-image measurements: Cast, MinimumMaximum, VoxLogicA-2's Statistics.
#include "reference.h"

#include "itkCastImageFilter.h"
#include "itkMinimumMaximumImageFilter.h"
#include "itkStatisticsImageFilter.h"

namespace {

using ref::Family;
using ref::Geometry;

// SimpleITK's pixel id of each C++ type, as Cast's second argument takes it.
template <typename T>
long long
pixelId()
{
  if constexpr (std::is_same_v<T, int8_t>)
    return 0;
  else if constexpr (std::is_same_v<T, uint8_t>)
    return 1;
  else if constexpr (std::is_same_v<T, int16_t>)
    return 2;
  else if constexpr (std::is_same_v<T, uint16_t>)
    return 3;
  else if constexpr (std::is_same_v<T, int32_t>)
    return 4;
  else if constexpr (std::is_same_v<T, uint32_t>)
    return 5;
  else if constexpr (std::is_same_v<T, int64_t>)
    return 6;
  else if constexpr (std::is_same_v<T, uint64_t>)
    return 7;
  else if constexpr (std::is_same_v<T, float>)
    return 8;
  else
    return 9;
}

template <typename TIn, typename TOut, unsigned D>
void
cast(Family & family, const std::string & inputName, const typename itk::Image<TIn, D>::Pointer & input)
{
  auto filter = itk::CastImageFilter<itk::Image<TIn, D>, itk::Image<TOut, D>>::New();
  filter->SetInput(input);
  filter->Update();
  std::string id = std::string("Cast/") + ref::dtype<TIn>() + "-to-" + ref::dtype<TOut>();
  std::string file = std::string("cast-") + ref::dtype<TIn>() + "-" + ref::dtype<TOut>();
  family.add(id, "Cast", { inputName, ref::real(static_cast<double>(pixelId<TOut>())) },
             family.image(file, filter->GetOutput()), 0.0,
             "static_cast per voxel: truncation toward zero, out-of-range values as x86-64 converts them");
}

template <typename T, unsigned D>
void
measurements(Family & family, const std::string & label, const std::string & inputName,
             const typename itk::Image<T, D>::Pointer & input)
{
  auto minmax = itk::MinimumMaximumImageFilter<itk::Image<T, D>>::New();
  minmax->SetInput(input);
  minmax->Update();
  family.add("MinimumMaximum/" + label, "MinimumMaximum", { inputName },
             ref::object({ { "value",
                             ref::list({ ref::real(static_cast<double>(minmax->GetMinimum())),
                                         ref::real(static_cast<double>(minmax->GetMaximum())) }) } }),
             0.0);

  auto stats = itk::StatisticsImageFilter<itk::Image<T, D>>::New();
  stats->SetInput(input);
  stats->SetNumberOfWorkUnits(1);
  stats->Update();
  long long count = static_cast<long long>(input->GetLargestPossibleRegion().GetNumberOfPixels());
  family.add("Statistics/" + label, "Statistics", { inputName },
             ref::object({ { "value",
                             ref::list({ ref::real(static_cast<double>(stats->GetMinimum())),
                                         ref::real(static_cast<double>(stats->GetMaximum())),
                                         ref::real(stats->GetMean()),
                                         ref::real(stats->GetSigma()),
                                         ref::real(stats->GetVariance()),
                                         ref::real(stats->GetSum()),
                                         ref::integer(count) }) } }),
             1e-9,
             "one work unit; with more, ITK adds per-thread compensated partial sums and the last bits vary");
}

void
core(Family & family)
{
  auto g3 = Geometry<3>::standard({ 7, 6, 5 });
  auto g2 = Geometry<2>::standard({ 9, 8 });

  auto f32 = ref::random<float, 3>(g3, 1, -400.0, 400.0, false);
  std::string f32Name = family.image("float32-3d", f32.GetPointer());
  cast<float, uint8_t, 3>(family, f32Name, f32);
  cast<float, int8_t, 3>(family, f32Name, f32);
  cast<float, uint16_t, 3>(family, f32Name, f32);
  cast<float, int16_t, 3>(family, f32Name, f32);
  cast<float, uint32_t, 3>(family, f32Name, f32);
  cast<float, int32_t, 3>(family, f32Name, f32);
  cast<float, double, 3>(family, f32Name, f32);

  auto s16 = ref::random<int16_t, 2>(g2, 2, -2000.0, 2000.0, true);
  std::string s16Name = family.image("int16-2d", s16.GetPointer());
  cast<int16_t, float, 2>(family, s16Name, s16);
  cast<int16_t, uint8_t, 2>(family, s16Name, s16);

  auto u8 = ref::random<uint8_t, 3>(g3, 3, 0.0, 256.0, true);
  std::string u8Name = family.image("uint8-3d", u8.GetPointer());
  cast<uint8_t, int8_t, 3>(family, u8Name, u8);

  measurements<float, 3>(family, "float32-3d", f32Name, f32);
  measurements<int16_t, 2>(family, "int16-2d", s16Name, s16);
  measurements<uint8_t, 3>(family, "uint8-3d", u8Name, u8);

  family.refuse("Cast/to-vector", "Cast", { u8Name, ref::real(13.0) }, "VoxBeam images hold scalar pixels",
                "SimpleITK makes a one-component vector image; VoxBeam has no vector pixels");
  family.refuse("Cast/unknown-pixel-id", "Cast", { u8Name, ref::real(40.0) }, "no pixel type has the id 40");
}

ref::Register registration("core", core);

} // namespace
