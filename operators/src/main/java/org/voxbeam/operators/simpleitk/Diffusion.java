package org.voxbeam.operators.simpleitk;

import java.util.Map;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.operators.image.Grid;

/**
 * ITK's explicit finite-difference smoothing: {@code CurvatureFlow}, {@code
 * GradientAnisotropicDiffusion} (Perona–Malik) and {@code CurvatureAnisotropicDiffusion} (modified
 * curvature diffusion). Each iteration computes every voxel's update from the current image — a 3^d
 * neighbourhood with the border voxel repeated outside, differences scaled by {@code 1/spacing} —
 * then adds {@code timeStep × update} to all voxels, as ITK's {@code
 * DenseFiniteDifferenceImageFilter} does.
 *
 * <p>The arithmetic follows ITK's types: {@code CurvatureFlow} works and answers in {@code double}
 * (its output is the input's real type); the diffusion filters keep the input's {@code float32} or
 * {@code float64}, with pixel differences taken in that type. The conductance is rescaled by the
 * mean squared gradient magnitude every {@code conductanceScalingUpdateInterval} iterations. ITK
 * only warns when the time step exceeds the stable bound {@code minSpacing / 2^(d+1)}, and
 * SimpleITK passes the warning on without failing, so VoxBeam runs such steps too.
 */
final class Diffusion implements FilterFamily {

  @Override
  public Map<String, SimpleItkFunction> functions() {
    return Map.of(
        "CurvatureFlow", Diffusion::curvatureFlow,
        "GradientAnisotropicDiffusion", call -> anisotropic(call, false),
        "CurvatureAnisotropicDiffusion", call -> anisotropic(call, true));
  }

  /** Reads the current image around one voxel, clamping every coordinate into the image. */
  private static final class Neighbourhood {
    private final Grid grid;
    private final double[] v;

    /** Scratch for one voxel's derivatives, reused for every voxel of a chunk. */
    private final double[] first = new double[3];

    private final double[] second = new double[3];
    private final double[] third = new double[3];

    /** Per axis, the clamped coordinates -1, 0, +1 of the current voxel, as index terms. */
    private final int[][] terms = new int[3][3];

    private int centre;

    Neighbourhood(Grid grid, double[] values) {
      this.grid = grid;
      this.v = values;
    }

    void moveTo(int x, int y, int z) {
      set(0, x, grid.nx(), 1);
      set(1, y, grid.ny(), grid.nx());
      set(2, z, grid.nz(), grid.nx() * grid.ny());
      centre = terms[0][1] + terms[1][1] + terms[2][1];
    }

    private void set(int axis, int position, int extent, int stride) {
      terms[axis][0] = Math.max(position - 1, 0) * stride;
      terms[axis][1] = position * stride;
      terms[axis][2] = Math.min(position + 1, extent - 1) * stride;
    }

    /** The voxel at offset {@code a·e_i + b·e_j} (axes {@code i != j}; {@code a, b} in -1..1). */
    double at(int i, int a, int j, int b) {
      return v[centre - terms[i][1] + terms[i][1 + a] - terms[j][1] + terms[j][1 + b]];
    }

    double at(int i, int a) {
      return v[centre - terms[i][1] + terms[i][1 + a]];
    }

    double centre() {
      return v[centre];
    }
  }

  /** One voxel's update from its neighbourhood. */
  private interface Update {
    double at(Neighbourhood n);
  }

  // CurvatureFlow -----------------------------------------------------------------------------

  private static ImageValue curvatureFlow(Call call) {
    Volume in = Volume.of(call.image("image1"));
    double timeStep = call.real("timeStep");
    long iterations = call.integer("numberOfIterations");
    int d = in.dimension();
    double[] scale = scales(in);
    double[] state = in.values().clone();
    for (long iteration = 0; iteration < iterations; iteration++) {
      state =
          step(
              in.grid(),
              state,
              DType.FLOAT64,
              timeStep,
              n -> {
                double[] first = n.first;
                double[] second = n.second;
                double magnitudeSqr = 0.0;
                for (int i = 0; i < d; i++) {
                  double plus = n.at(i, 1);
                  double minus = n.at(i, -1);
                  first[i] = 0.5 * (plus - minus) * scale[i];
                  second[i] = (plus - 2 * n.centre() + minus) * (scale[i] * scale[i]);
                  magnitudeSqr += first[i] * first[i];
                }
                if (magnitudeSqr < 1e-9) {
                  return 0.0;
                }
                double update = 0.0;
                for (int i = 0; i < d; i++) {
                  double temp = 0.0;
                  for (int j = 0; j < d; j++) {
                    if (j != i) {
                      temp += second[j];
                    }
                  }
                  update += temp * (first[i] * first[i]);
                }
                for (int i = 0; i < d; i++) {
                  for (int j = i + 1; j < d; j++) {
                    double cross =
                        0.25
                            * (n.at(i, -1, j, -1)
                                - n.at(i, -1, j, 1)
                                - n.at(i, 1, j, -1)
                                + n.at(i, 1, j, 1))
                            * scale[i]
                            * scale[j];
                    update -= 2 * first[i] * first[j] * cross;
                  }
                }
                return update / magnitudeSqr;
              });
    }
    return in.toImage(DType.FLOAT64, state);
  }

  // Anisotropic diffusion ---------------------------------------------------------------------

  private static ImageValue anisotropic(Call call, boolean curvature) {
    Volume in = Volume.of(call.image("image1"));
    double timeStep = call.real("timeStep");
    double conductance = call.real("conductanceParameter");
    long interval = call.integer("conductanceScalingUpdateInterval");
    long iterations = call.integer("numberOfIterations");
    if (interval == 0) {
      throw call.failure("conductanceScalingUpdateInterval must be at least 1");
    }
    DType type = in.dtype();
    double[] scale = scales(in);
    Grid grid = in.grid();
    double[] state = in.values().clone();
    double k = 0;
    for (long iteration = 0; iteration < iterations; iteration++) {
      if (iteration % interval == 0) {
        double average = averageGradientMagnitudeSquared(grid, state, type, scale);
        double product = average * conductance * conductance * -2.0;
        k = type == DType.FLOAT32 ? (float) product : product;
      }
      double conductanceK = k;
      Update update =
          curvature
              ? n -> curvatureUpdate(n, grid.dimension(), type, scale, conductanceK)
              : n -> gradientUpdate(n, grid.dimension(), type, scale, conductanceK);
      state = step(grid, state, type, timeStep, update);
    }
    return in.toImage(type, state);
  }

  /** ITK's {@code GradientNDAnisotropicDiffusionFunction::ComputeUpdate}. */
  private static double gradientUpdate(Neighbourhood n, int d, DType type, double[] s, double k) {
    double[] dx = n.first;
    for (int i = 0; i < d; i++) {
      dx[i] = half(type, difference(type, n.at(i, 1), n.at(i, -1))) * s[i];
    }
    double delta = 0.0;
    for (int i = 0; i < d; i++) {
      double forward = difference(type, n.at(i, 1), n.centre()) * s[i];
      double backward = difference(type, n.centre(), n.at(i, -1)) * s[i];
      double accum = 0.0;
      double accumD = 0.0;
      for (int j = 0; j < d; j++) {
        if (j != i) {
          double aug = half(type, difference(type, n.at(i, 1, j, 1), n.at(i, 1, j, -1))) * s[j];
          double dim = half(type, difference(type, n.at(i, -1, j, 1), n.at(i, -1, j, -1))) * s[j];
          accum += 0.25 * square(dx[j] + aug);
          accumD += 0.25 * square(dx[j] + dim);
        }
      }
      double cx = k == 0.0 ? 0.0 : Math.exp((square(forward) + accum) / k);
      double cxd = k == 0.0 ? 0.0 : Math.exp((square(backward) + accumD) / k);
      delta += forward * cx - backward * cxd;
    }
    return delta;
  }

  /** ITK's {@code CurvatureNDAnisotropicDiffusionFunction::ComputeUpdate}. */
  private static double curvatureUpdate(Neighbourhood n, int d, DType type, double[] s, double k) {
    double[] forward = n.first;
    double[] backward = n.second;
    double[] dx = n.third;
    for (int i = 0; i < d; i++) {
      forward[i] = difference(type, n.at(i, 1), n.centre()) * s[i];
      backward[i] = difference(type, n.centre(), n.at(i, -1)) * s[i];
      dx[i] = derivative(type, n.at(i, -1), n.centre(), n.at(i, 1)) * s[i];
    }
    double speed = 0.0;
    for (int i = 0; i < d; i++) {
      double gradMagSq = forward[i] * forward[i];
      double gradMagSqD = backward[i] * backward[i];
      for (int j = 0; j < d; j++) {
        if (j != i) {
          double aug = derivative(type, n.at(i, 1, j, -1), n.at(i, 1), n.at(i, 1, j, 1)) * s[j];
          double dim = derivative(type, n.at(i, -1, j, -1), n.at(i, -1), n.at(i, -1, j, 1)) * s[j];
          gradMagSq += 0.25 * (dx[j] + aug) * (dx[j] + aug);
          gradMagSqD += 0.25 * (dx[j] + dim) * (dx[j] + dim);
        }
      }
      double gradMag = Math.sqrt(1.0e-10 + gradMagSq);
      double gradMagD = Math.sqrt(1.0e-10 + gradMagSqD);
      double cx = k == 0.0 ? 0.0 : Math.exp(gradMagSq / k);
      double cxd = k == 0.0 ? 0.0 : Math.exp(gradMagSqD / k);
      speed += (forward[i] / gradMag) * cx - (backward[i] / gradMagD) * cxd;
    }
    double propagation = 0.0;
    for (int i = 0; i < d; i++) {
      propagation +=
          speed > 0
              ? square(Math.min(backward[i], 0.0)) + square(Math.max(forward[i], 0.0))
              : square(Math.max(backward[i], 0.0)) + square(Math.min(forward[i], 0.0));
    }
    return Math.sqrt(propagation) * speed;
  }

  /**
   * ITK's {@code ScalarAnisotropicDiffusionFunction::CalculateAverageGradientMagnitudeSquared}: the
   * mean over all voxels of the squared central-difference gradient, border repeated.
   */
  private static double averageGradientMagnitudeSquared(
      Grid grid, double[] state, DType type, double[] s) {
    Neighbourhood n = new Neighbourhood(grid, state);
    double accumulator = 0.0;
    for (int z = 0; z < grid.nz(); z++) {
      for (int y = 0; y < grid.ny(); y++) {
        for (int x = 0; x < grid.nx(); x++) {
          n.moveTo(x, y, z);
          for (int i = 0; i < grid.dimension(); i++) {
            double value = difference(type, n.at(i, 1), n.at(i, -1)) / -2.0 * s[i];
            accumulator += value * value;
          }
        }
      }
    }
    return accumulator / grid.voxelCount();
  }

  // Shared scheme -----------------------------------------------------------------------------

  /**
   * One explicit iteration: every update from the current state, then {@code state + (type) (update
   * × timeStep)} stored in {@code type}.
   */
  private static double[] step(
      Grid grid, double[] state, DType type, double timeStep, Update update) {
    double[] next = new double[state.length];
    Lines.forEach(
        grid,
        0,
        (from, to) -> {
          Neighbourhood n = new Neighbourhood(grid, state);
          for (int k = from; k < to; k++) {
            int y = k % grid.ny();
            int z = k / grid.ny();
            for (int x = 0; x < grid.nx(); x++) {
              n.moveTo(x, y, z);
              double u = stored(type, update.at(n));
              int i = grid.index(x, y, z);
              next[i] = stored(type, state[i] + stored(type, u * timeStep));
            }
          }
        });
    return next;
  }

  /** ITK's scale coefficients: {@code 1 / spacing} per axis (image spacing is always used). */
  private static double[] scales(Volume in) {
    double[] s = new double[3];
    for (int i = 0; i < in.dimension(); i++) {
      s[i] = 1.0 / in.spacing(i);
    }
    return s;
  }

  private static double stored(DType type, double value) {
    return type == DType.FLOAT32 ? (float) value : value;
  }

  /** {@code a - b} in the pixel type, as ITK subtracts two pixels. */
  private static double difference(DType type, double a, double b) {
    return type == DType.FLOAT32 ? (float) a - (float) b : a - b;
  }

  /** {@code value / 2.0f} in the pixel type. */
  private static double half(DType type, double value) {
    return type == DType.FLOAT32 ? (float) value / 2.0f : value / 2.0;
  }

  /**
   * ITK's order-1 {@code DerivativeOperator} {@code [0.5, 0, -0.5]} applied by the neighbourhood
   * inner product: summed in {@code double} and returned in the pixel type.
   */
  private static double derivative(DType type, double minus, double centre, double plus) {
    double sum = 0.0;
    sum += 0.5 * minus;
    sum += 0.0 * centre;
    sum += -0.5 * plus;
    return stored(type, sum);
  }

  private static double square(double x) {
    return x * x;
  }
}
