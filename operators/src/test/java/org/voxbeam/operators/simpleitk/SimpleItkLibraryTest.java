package org.voxbeam.operators.simpleitk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voxbeam.operators.library.OperatorFixture.apply;
import static org.voxbeam.operators.library.OperatorFixture.num;
import static org.voxbeam.operators.library.OperatorFixture.str;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.operator.Arity;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.NullValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.TestImages;
import org.voxbeam.operators.library.StandardLibrary;

class SimpleItkLibraryTest {
  private static final OperatorRegistry REGISTRY = StandardLibrary.registry();
  private final ImageValue image = TestImages.randomUint8(new Random(7), 200, 5, 4, 3);

  @TempDir Path dir;

  @Test
  void everyProcedureOfTheInterfaceIsRegistered() {
    SimpleItkProcedures procedures = SimpleItkProcedures.shipped();
    assertTrue(procedures.all().size() > 300, "SimpleITK has about 300 procedures");
    for (Procedure procedure : procedures.all()) {
      Operator operator = REGISTRY.require("simpleitk." + procedure.name());
      assertEquals(procedure.arity(), operator.arity(), procedure.name());
    }
  }

  @Test
  void theIndexNamesTheInterfacesProceduresWithTheirArgumentCounts() {
    Map<String, Arity> indexed = new HashMap<>();
    ProcedureIndex.shipped().forEach(entry -> indexed.put(entry.name(), entry.arity()));
    Map<String, Arity> described = new HashMap<>();
    SimpleItkProcedures.shipped().all().forEach(p -> described.put(p.name(), p.arity()));
    assertEquals(described, indexed);
    assertEquals(described.size(), ProcedureIndex.shipped().size(), "no procedure indexed twice");
  }

  @Test
  void swigWrappedProceduresAcceptAnyCountAtReductionAndPythonOnesTheirSignature() {
    assertEquals(Arity.atLeast(0), REGISTRY.require("simpleitk.BinaryThreshold").arity());
    assertEquals(Arity.between(1, 3), REGISTRY.require("simpleitk.ReadImage").arity());
    assertEquals(Arity.exactly(1), REGISTRY.require("simpleitk.MinimumMaximum").arity());
    assertEquals(Arity.exactly(1), REGISTRY.require("simpleitk.Statistics").arity());
  }

  @Test
  void aProcedureWithoutImplementationFailsNamingIt() {
    Operator show = REGISTRY.require("simpleitk.ReadTransform");
    assertFalse(show.available());
    OperatorException e =
        assertThrows(OperatorException.class, () -> apply("simpleitk.ReadTransform", str("t.tfm")));
    assertEquals(
        "simpleitk.ReadTransform: a SimpleITK filter VoxBeam does not support yet", e.getMessage());
  }

  @Test
  void pixelIdsAreSimpleItksValuesAndNames() {
    assertEquals(
        new IntegerValue(3), apply("simpleitk.GetPixelIDValueFromString", str("sitkUInt16")));
    assertEquals(
        new IntegerValue(8), apply("simpleitk.GetPixelIDValueFromString", str("sitkFloat32")));
    assertEquals(
        new IntegerValue(-1), apply("simpleitk.GetPixelIDValueFromString", str("sitkNoSuchType")));
    assertEquals(
        new StringValue("16-bit unsigned integer"),
        apply("simpleitk.GetPixelIDValueAsString", num(3)));
    assertEquals(
        new StringValue("Unknown pixel id"), apply("simpleitk.GetPixelIDValueAsString", num(-1)));
    OperatorException e =
        assertThrows(
            OperatorException.class, () -> apply("simpleitk.GetPixelIDValueAsString", num(99)));
    assertEquals(
        "GetPixelIDValueAsString: argument 1 (type): no pixel type has the id 99", e.getMessage());
  }

  @Test
  void castTakesAPixelIdAsNumberOrName() {
    ImageValue byNumber = (ImageValue) apply("simpleitk.Cast", image, num(8));
    ImageValue byName = (ImageValue) apply("simpleitk.Cast", image, str("sitkFloat32"));
    assertEquals(DType.FLOAT32, byNumber.dtype());
    assertEquals(byNumber, byName);
    assertEquals(
        image, apply("simpleitk.Cast", image, num(1)), "casting to its own type is the identity");
  }

  @Test
  void argumentErrorsNameTheArgumentAndTheSignatures() {
    OperatorException fraction =
        assertThrows(OperatorException.class, () -> apply("simpleitk.Cast", image, num(2.5)));
    assertEquals(
        "Cast: argument 2 (pixelID) must be a whole number, got 2.5", fraction.getMessage());
    OperatorException noSignature =
        assertThrows(OperatorException.class, () -> apply("simpleitk.Cast", str("x"), num(1)));
    assertEquals(
        "Cast: no signature takes (string, number); SimpleITK's: Cast(Image image, PixelIDValueEnum pixelID)",
        noSignature.getMessage());
    OperatorException flag =
        assertThrows(
            OperatorException.class,
            () ->
                apply("simpleitk.WriteImage", image, str(dir.resolve("x.nii").toString()), num(2)));
    assertEquals(
        "WriteImage: argument 3 (useCompression) must be true or false, got 2.0",
        flag.getMessage());
    OperatorException range =
        assertThrows(
            OperatorException.class,
            () ->
                apply(
                    "simpleitk.WriteImage",
                    image,
                    str(dir.resolve("x.nii").toString()),
                    num(0),
                    num(3e9)));
    assertEquals(
        "WriteImage: argument 4 (compressionLevel) must lie in -2147483648..2147483647, got 3.0E9",
        range.getMessage());
  }

  @Test
  void imagesRoundTripThroughFilesWithAPixelTypeOnRead() throws Exception {
    Path file = dir.resolve("made/by/write/image.nii.gz");
    assertEquals(NullValue.INSTANCE, apply("simpleitk.WriteImage", image, str(file.toString())));
    assertTrue(
        Files.exists(file), "WriteImage creates the missing directories, as VoxLogicA-2 does");
    assertEquals(image, apply("simpleitk.ReadImage", str(file.toString())));
    Value asFloat = apply("simpleitk.ReadImage", str(file.toString()), num(9));
    assertEquals(DType.FLOAT64, ((ImageValue) asFloat).dtype());
    OperatorException missing =
        assertThrows(
            OperatorException.class,
            () -> apply("simpleitk.ReadImage", str(dir.resolve("absent.nii").toString())));
    assertTrue(missing.getMessage().startsWith("ReadImage: "), missing.getMessage());
    OperatorException io =
        assertThrows(
            OperatorException.class,
            () -> apply("simpleitk.ReadImage", str(file.toString()), num(-1), str("GDCMImageIO")));
    assertTrue(io.getMessage().contains("unknown image IO 'GDCMImageIO'"), io.getMessage());
  }
}
