// Measurements per label, VoxBeam extensions of the simpleitk namespace: LabelStatistics
// (ITK's LabelStatisticsImageFilter) and LabelShapeStatistics (ITK's
// LabelImageToShapeLabelMapFilter, as SimpleITK's LabelShapeStatisticsImageFilter runs it),
// written as the mapping per label VoxBeam returns.
#include "reference.h"

#include "itkImageRegionIteratorWithIndex.h"
#include "itkLabelImageToShapeLabelMapFilter.h"
#include "itkLabelStatisticsImageFilter.h"

namespace {

using ref::Family;
using ref::Geometry;

template <typename T, unsigned D, typename F>
typename itk::Image<T, D>::Pointer
shaped(const Geometry<D> & g, F fn)
{
  auto image = ref::blank<T, D>(g);
  for (itk::ImageRegionIteratorWithIndex<itk::Image<T, D>> it(image, image->GetLargestPossibleRegion()); !it.IsAtEnd();
       ++it)
    it.Set(static_cast<T>(fn(it.GetIndex())));
  return image;
}

template <typename V>
std::string
numbers(const V & values, unsigned n)
{
  std::vector<double> out;
  for (unsigned i = 0; i < n; ++i)
    out.push_back(values[i]);
  return ref::reals(out);
}

template <typename T, typename L, unsigned D>
void
statistics(Family & family, const std::string & label, const std::string & imageName,
           const typename itk::Image<T, D>::Pointer & image, const std::string & labelsName,
           const typename itk::Image<L, D>::Pointer & labels)
{
  auto filter = itk::LabelStatisticsImageFilter<itk::Image<T, D>, itk::Image<L, D>>::New();
  filter->SetInput(image);
  filter->SetLabelInput(labels);
  filter->SetNumberOfWorkUnits(1);
  filter->Update();
  std::vector<std::pair<std::string, std::string>> perLabel;
  for (auto value : filter->GetValidLabelValues())
  {
    std::vector<long long> box;
    for (auto b : filter->GetBoundingBox(value))
      box.push_back(b);
    perLabel.push_back(
      { std::to_string(static_cast<long long>(value)),
        ref::object({ { "Count", ref::integer(static_cast<long long>(filter->GetCount(value))) },
                      { "Minimum", ref::real(filter->GetMinimum(value)) },
                      { "Maximum", ref::real(filter->GetMaximum(value)) },
                      { "Mean", ref::real(filter->GetMean(value)) },
                      { "Sigma", ref::real(filter->GetSigma(value)) },
                      { "Variance", ref::real(filter->GetVariance(value)) },
                      { "Sum", ref::real(filter->GetSum(value)) },
                      { "BoundingBox", ref::integers(box) } }) });
  }
  std::sort(perLabel.begin(), perLabel.end(),
            [](auto & a, auto & b) { return std::stoll(a.first) < std::stoll(b.first); });
  family.add("LabelStatistics/" + label, "LabelStatistics", { imageName, labelsName },
             ref::object({ { "value", ref::object(perLabel) } }), 1e-12,
             "one work unit; with more, ITK adds per-thread partial sums and the last bits vary");
}

template <typename L, unsigned D>
void
shape(Family & family, const std::string & label, const std::string & labelsName,
      const typename itk::Image<L, D>::Pointer & labels, double background)
{
  using Map = itk::LabelMap<itk::ShapeLabelObject<int64_t, D>>;
  auto filter = itk::LabelImageToShapeLabelMapFilter<itk::Image<L, D>, Map>::New();
  filter->SetInput(labels);
  filter->SetBackgroundValue(static_cast<int64_t>(background));
  filter->SetComputePerimeter(false);
  filter->Update();
  std::vector<std::pair<std::string, std::string>> perLabel;
  for (auto value : filter->GetOutput()->GetLabels())
  {
    const auto * object = filter->GetOutput()->GetLabelObject(value);
    std::vector<long long> box;
    auto region = object->GetBoundingBox();
    for (unsigned i = 0; i < D; ++i)
      box.push_back(region.GetIndex()[i]);
    for (unsigned i = 0; i < D; ++i)
      box.push_back(static_cast<long long>(region.GetSize()[i]));
    perLabel.push_back(
      { std::to_string(static_cast<long long>(value)),
        ref::object({ { "NumberOfPixels", ref::integer(static_cast<long long>(object->GetNumberOfPixels())) },
                      { "PhysicalSize", ref::real(object->GetPhysicalSize()) },
                      { "Centroid", numbers(object->GetCentroid(), D) },
                      { "BoundingBox", ref::integers(box) },
                      { "NumberOfPixelsOnBorder",
                        ref::integer(static_cast<long long>(object->GetNumberOfPixelsOnBorder())) },
                      { "PerimeterOnBorder", ref::real(object->GetPerimeterOnBorder()) },
                      { "PrincipalMoments", numbers(object->GetPrincipalMoments(), D) },
                      { "Elongation", ref::real(object->GetElongation()) },
                      { "Flatness", ref::real(object->GetFlatness()) },
                      { "EquivalentSphericalRadius", ref::real(object->GetEquivalentSphericalRadius()) },
                      { "EquivalentSphericalPerimeter", ref::real(object->GetEquivalentSphericalPerimeter()) },
                      { "EquivalentEllipsoidDiameter", numbers(object->GetEquivalentEllipsoidDiameter(), D) } }) });
  }
  std::sort(perLabel.begin(), perLabel.end(),
            [](auto & a, auto & b) { return std::stoll(a.first) < std::stoll(b.first); });
  family.add("LabelShapeStatistics/" + label, "LabelShapeStatistics", { labelsName, ref::real(background) },
             ref::object({ { "value", ref::object(perLabel) } }), 1e-9,
             "moments summed per run and eigenvalues by another method than vnl's: agreement to 1e-9 relative");
}

void
cases(Family & family)
{
  auto g3 = Geometry<3>::standard({ 7, 6, 5 });
  auto g2 = Geometry<2>::standard({ 9, 8 });

  auto f3 = ref::random<float, 3>(g3, 61, -100.0, 100.0, false);
  std::string f3Name = family.image("float32-3d", f3.GetPointer());
  auto labels3 = shaped<int16_t, 3>(g3, [](auto i) {
    if (i[0] + i[1] < 4 && i[2] < 4)
      return 3;
    if ((i[0] - 4.5) * (i[0] - 4.5) + (i[1] - 3.0) * (i[1] - 3.0) * 1.4 + (i[2] - 2.5) * (i[2] - 2.5) < 5.0)
      return -2;
    if (i[0] == 6 || (i[1] == 5 && i[2] > 1))
      return 7;
    return 0;
  });
  std::string labels3Name = family.image("labels-int16-3d", labels3.GetPointer());
  statistics<float, int16_t, 3>(family, "float32-3d", f3Name, f3, labels3Name, labels3);
  shape<int16_t, 3>(family, "int16-3d", labels3Name, labels3, 0);
  shape<int16_t, 3>(family, "int16-3d-background7", labels3Name, labels3, 7);

  auto u2 = ref::random<uint8_t, 2>(g2, 62, 0.0, 256.0, true);
  std::string u2Name = family.image("uint8-2d", u2.GetPointer());
  auto labels2 = shaped<uint32_t, 2>(g2, [](auto i) {
    double x = i[0] - 3.6, y = i[1] - 3.1;
    if (x * x + 2.0 * y * y < 9.0)
      return 1;
    return i[0] > 6 ? 2 : 0;
  });
  std::string labels2Name = family.image("labels-uint32-2d", labels2.GetPointer());
  statistics<uint8_t, uint32_t, 2>(family, "uint8-2d", u2Name, u2, labels2Name, labels2);
  shape<uint32_t, 2>(family, "uint32-2d", labels2Name, labels2, 0);

  family.refuse("LabelStatistics/float-labels", "LabelStatistics", { f3Name, f3Name },
                "labelImage must have an integer pixel type", "SimpleITK instantiates the labels for integers");
  family.refuse("LabelStatistics/other-space", "LabelStatistics", { u2Name, ref::reals({ 1.0 }) }, "no signature takes");
  family.refuse("LabelShapeStatistics/float32", "LabelShapeStatistics", { f3Name },
                "pixel type 32-bit float is not supported");
}

ref::Register registration("measurements", cases);

} // namespace
