"""Writes SimpleITK's procedural interface as VoxBeam's `procedures.json` resource.

VoxLogicA-2 exposes every procedural function of the installed SimpleITK module to ImgQL under
the `simpleitk` namespace. VoxBeam cannot import that module, so it ships the interface as data:
for each function, its overloads (parameter names, types and defaults, in order), the pixel
types its filter accepts and the pixel type it produces. The reducer resolves names and checks
argument counts against it; the executor binds positional arguments to it.

The facts come from SimpleITK's own filter descriptions (`Code/BasicFilters/json/*.json`, one per
filter, from which SimpleITK generates its procedures) plus the procedures SimpleITK writes by
hand (I/O, Cast, Extract, Paste, the Python-only helpers), listed below.

Run with a SimpleITK source checkout at the release VoxLogicA-2 pins (v2.5.2):
    python3 generate_procedures.py SIMPLEITK_CHECKOUT > \
        ../../operators/src/main/resources/org/voxbeam/operators/simpleitk/procedures.json
then write the index VoxBeam reads at start-up (each procedure's name and argument counts, so that
a program that calls no SimpleITK procedure never parses the whole interface) from it:
    python3 generate_procedures.py --index \
        ../../operators/src/main/resources/org/voxbeam/operators/simpleitk/procedures.json > \
        ../../operators/src/main/resources/org/voxbeam/operators/simpleitk/procedure-index.tsv
"""
import glob
import json
import os
import re
import sys

RELEASE = "v2.5.2"

SCALAR_TYPES = {
    "double": "double",
    "float": "float",
    "bool": "bool",
    "int": "int32",
    "int32_t": "int32",
    "unsigned int": "uint32",
    "uint32_t": "uint32",
    "uint8_t": "uint8",
    "unsigned char": "uint8",
    "uint64_t": "uint64",
    "int64_t": "int64",
    "std::string": "string",
    "KernelEnum": "KernelEnum",
    "PixelIDValueEnum": "PixelIDValueEnum",
    "InterpolatorEnum": "InterpolatorEnum",
    "Transform": "Transform",
    "std::map<double,double>": "map<double,double>",
}

# PixelIDValueEnum with 64-bit integer pixels instantiated, as in SimpleITK's released wheels.
PIXEL_IDS = ["sitkInt8", "sitkUInt8", "sitkInt16", "sitkUInt16", "sitkInt32", "sitkUInt32",
             "sitkInt64", "sitkUInt64", "sitkFloat32", "sitkFloat64", "sitkComplexFloat32",
             "sitkComplexFloat64", "sitkVectorInt8", "sitkVectorUInt8", "sitkVectorInt16",
             "sitkVectorUInt16", "sitkVectorInt32", "sitkVectorUInt32", "sitkVectorInt64",
             "sitkVectorUInt64", "sitkVectorFloat32", "sitkVectorFloat64", "sitkLabelUInt8",
             "sitkLabelUInt16", "sitkLabelUInt32", "sitkLabelUInt64"]


ENUMERATOR = re.compile(r"^\s*(sitk\w+)\s*(=\s*(\d+))?\s*,?\s*(///.*|//.*)?$")


def enumerators(header, enum_name):
    """The enumerators of `enum_name` in a SimpleITK header, with their values."""
    with open(header) as handle:
        text = handle.read()
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    body = re.search(r"enum\s+" + enum_name + r"\b[^{]*\{(.*?)\}", text, re.S).group(1)
    values = {}
    next_value = 0
    for line in body.splitlines():
        match = ENUMERATOR.match(line)
        if not match:
            continue
        value = int(match.group(3)) if match.group(3) else next_value
        values[match.group(1)] = value
        next_value = value + 1
    return values


def image(name, optional=False):
    return {"name": name, "type": "Image"}


def param(name, type_, default=None, **extra):
    out = {"name": name, "type": type_}
    if default is not None:
        out["default"] = default
    out.update(extra)
    return out


# Procedures SimpleITK writes by hand (C++ headers and the Python package's extra module).
HAND_WRITTEN = [
    {"name": "ReadImage", "brief": "Read an image file into an Image", "arity": [1, 3],
     "overloads": [[param("fileName", "string"),
                    param("outputPixelType", "PixelIDValueEnum", "sitkUnknown"),
                    param("imageIO", "string", "")]]},
    {"name": "WriteImage", "brief": "Write an image to a file; the format follows the extension",
     "arity": [2, 6],
     "overloads": [[image("image"), param("fileName", "string"),
                    param("useCompression", "bool", False),
                    param("compressionLevel", "int32", -1)]]},
    {"name": "MinimumMaximum", "brief": "The minimum and maximum intensity of an image",
     "arity": [1, 1],
     "filter": "MinimumMaximumImageFilter", "pixelTypes": "BasicPixelIDTypeList",
     "overloads": [[image("image")]]},
    {"name": "Cast", "brief": "Convert an image to another pixel type",
     "pixelTypes": "AllPixelIDTypeList",
     "overloads": [[image("image"), param("pixelID", "PixelIDValueEnum")]]},
    {"name": "Extract", "brief": "Extract a region, collapsing dimensions of size zero",
     "filter": "ExtractImageFilter", "pixelTypes": "NonLabelPixelIDTypeList",
     "overloads": [[image("image1"),
                    param("size", "vector<uint32>", [1, 1, 1, 1, 1]),
                    param("index", "vector<int32>", [0, 0, 0, 0, 0]),
                    param("directionCollapseToStrategy", "enum", "DIRECTIONCOLLAPSETOGUESS",
                          values=["DIRECTIONCOLLAPSETOUNKOWN", "DIRECTIONCOLLAPSETOIDENTITY",
                                  "DIRECTIONCOLLAPSETOSUBMATRIX", "DIRECTIONCOLLAPSETOGUESS"])]]},
    {"name": "Paste", "brief": "Paste a region of one image (or a constant) into another",
     "filter": "PasteImageFilter", "pixelTypes": "NonLabelPixelIDTypeList",
     "overloads": [[image("destinationImage"), image("sourceImage"),
                    param("sourceSize", "vector<uint32>", [1, 1, 1, 1, 1]),
                    param("sourceIndex", "vector<int32>", [0, 0, 0, 0, 0]),
                    param("destinationIndex", "vector<int32>", [0, 0, 0, 0, 0]),
                    param("DestinationSkipAxes", "vector<bool>", [])],
                   [image("destinationImage"), param("constant", "double"),
                    param("sourceSize", "vector<uint32>", [1, 1, 1, 1, 1]),
                    param("sourceIndex", "vector<int32>", [0, 0, 0, 0, 0]),
                    param("destinationIndex", "vector<int32>", [0, 0, 0, 0, 0]),
                    param("DestinationSkipAxes", "vector<bool>", [])]]},
    {"name": "Resample", "brief": "Resample an image onto a reference grid or a given grid",
     "arity": [1, None],
     "filter": "ResampleImageFilter", "pixelTypes": "NonLabelPixelIDTypeList",
     "overloads": [[image("image1"), image("referenceImage"),
                    param("transform", "Transform", "identity"),
                    param("interpolator", "InterpolatorEnum", "sitkLinear"),
                    param("defaultPixelValue", "double", 0.0),
                    param("outputPixelType", "PixelIDValueEnum", "sitkUnknown"),
                    param("useNearestNeighborExtrapolator", "bool", False)],
                   [image("image1"), param("size", "vector<uint32>"),
                    param("transform", "Transform", "identity"),
                    param("interpolator", "InterpolatorEnum", "sitkLinear"),
                    param("outputOrigin", "vector<double>", [0.0, 0.0, 0.0]),
                    param("outputSpacing", "vector<double>", [1.0, 1.0, 1.0]),
                    param("outputDirection", "vector<double>", []),
                    param("defaultPixelValue", "double", 0.0),
                    param("outputPixelType", "PixelIDValueEnum", "sitkUnknown"),
                    param("useNearestNeighborExtrapolator", "bool", False)],
                   [image("image1"),
                    param("transform", "Transform", "identity"),
                    param("interpolator", "InterpolatorEnum", "sitkLinear"),
                    param("defaultPixelValue", "double", 0.0),
                    param("outputPixelType", "PixelIDValueEnum", "sitkUnknown"),
                    param("useNearestNeighborExtrapolator", "bool", False)]]},
    {"name": "SmoothingRecursiveGaussian", "arity": [1, 3],
     "brief": "Smoothing by convolution with recursive (IIR) Gaussian kernels",
     "filter": "SmoothingRecursiveGaussianImageFilter",
     "overloads": [[image("image1"), param("sigma", "vector<double>", [1.0, 1.0, 1.0],
                                           dimVec=True, scalarAccepted=True),
                    param("normalizeAcrossScale", "bool", False)]]},
    {"name": "DiscreteGaussian", "arity": [1, 5],
     "brief": "Blur by separable convolution with discrete Gaussian kernels",
     "filter": "DiscreteGaussianImageFilter",
     "overloads": [[image("image1"), param("variance", "vector<double>", [1.0, 1.0, 1.0],
                                           dimVec=True, scalarAccepted=True),
                    param("maximumKernelWidth", "uint32", 32),
                    param("maximumError", "double", 0.01),
                    param("useImageSpacing", "bool", True)]]},
    {"name": "Statistics", "arity": [1, 1], "voxlogica": True,
     "brief": "Image statistics as (min, max, mean, sigma, variance, sum, count)",
     "filter": "StatisticsImageFilter", "pixelTypes": "BasicPixelIDTypeList",
     "overloads": [[image("image")]]},
    # VoxBeam extensions: SimpleITK has these filters but no procedure for them (their results
    # come from getters), so VoxLogicA-2 cannot call them; VoxBeam returns every measurement at
    # once, as a mapping per label.
    {"name": "LabelStatistics", "arity": [2, 2], "voxbeam": True,
     "brief": "VoxBeam extension: intensity statistics per label (Count, Minimum, Maximum, Mean,"
              " Sigma, Variance, Sum, BoundingBox)",
     "filter": "LabelStatisticsImageFilter", "pixelTypes": "BasicPixelIDTypeList",
     "overloads": [[image("image"), image("labelImage")]]},
    {"name": "LabelShapeStatistics", "arity": [1, 2], "voxbeam": True,
     "brief": "VoxBeam extension: shape measurements per label (NumberOfPixels, PhysicalSize,"
              " Centroid, BoundingBox, Elongation, ...)",
     "filter": "LabelShapeStatisticsImageFilter", "pixelTypes": "IntegerPixelIDTypeList",
     "overloads": [[image("image"), param("backgroundValue", "double", 0.0)]]},
    {"name": "GetPixelIDValueFromString", "brief": "The pixel id of a name such as 'sitkUInt8'",
     "overloads": [[param("enumString", "string")]]},
    {"name": "GetPixelIDValueAsString", "brief": "The name of a pixel id",
     "overloads": [[param("type", "PixelIDValueEnum")]]},
    {"name": "Hash", "brief": "A hash (SHA1 or MD5) of an image's voxels",
     "overloads": [[image("image"), param("function", "enum", "SHA1", values=["SHA1", "MD5"])]]},
    {"name": "GetArrayFromImage", "brief": "The voxels as an array (z, y, x order)",
     "arity": [1, 1],
     "overloads": [[image("image")]]},
    {"name": "GetArrayViewFromImage", "brief": "The voxels as a read-only array view",
     "arity": [1, 1],
     "overloads": [[image("image")]]},
    {"name": "GetImageFromArray", "brief": "An image from an array (z, y, x order)",
     "arity": [1, 2],
     "overloads": [[param("arr", "ndarray"), param("isVector", "bool", False)]]},
    {"name": "PatchBasedDenoising", "brief": "Patch-based denoising",
     "filter": "PatchBasedDenoisingImageFilter",
     "overloads": [[image("image1"), param("kernelBandwidthSigma", "double", 400.0),
                    param("patchRadius", "uint32", 4),
                    param("numberOfIterations", "uint32", 1),
                    param("numberOfSamplePatches", "uint32", 200),
                    param("sampleVariance", "double", 400.0)]]},
    {"name": "ReadTransform", "brief": "Read a transform file",
     "overloads": [[param("filename", "string")]]},
    {"name": "WriteTransform", "brief": "Write a transform file",
     "overloads": [[param("transform", "Transform"), param("filename", "string")]]},
    {"name": "Show", "brief": "Display an image in an external viewer",
     "overloads": [[image("image"), param("title", "string", ""),
                    param("debugOn", "bool", False)]]},
]

# Functions of the Python module that only an interpreter could use (viewer, transform
# initializers, importers). VoxLogicA-2 lists them like any other; VoxBeam names them so the
# reducer resolves them, and refuses them when run.
VARIADIC_ONLY = ["BSplineTransformInitializer", "CenteredTransformInitializer",
                 "CenteredVersorTransformInitializer", "LandmarkBasedTransformInitializer",
                 "ImportAsInt8", "ImportAsUInt8", "ImportAsInt16", "ImportAsUInt16",
                 "ImportAsInt32", "ImportAsUInt32", "ImportAsInt64", "ImportAsUInt64",
                 "ImportAsFloat", "ImportAsDouble", "ReadParameterFile", "WriteParameterFile"]

BASIC = ["sitkInt8", "sitkUInt8", "sitkInt16", "sitkUInt16", "sitkInt32", "sitkUInt32",
         "sitkInt64", "sitkUInt64", "sitkFloat32", "sitkFloat64"]
PIXEL_LISTS = {
    "BasicPixelIDTypeList": BASIC,
    "ScalarPixelIDTypeList": BASIC,
    "IntegerPixelIDTypeList": BASIC[:8],
    "UnsignedIntegerPixelIDTypeList": ["sitkUInt8", "sitkUInt16", "sitkUInt32", "sitkUInt64"],
    "MaskedPixelIDTypeList": ["sitkUInt8"],
    "RealPixelIDTypeList": ["sitkFloat32", "sitkFloat64"],
    "ComplexPixelIDTypeList": ["sitkComplexFloat32", "sitkComplexFloat64"],
    "SignedPixelIDTypeList": ["sitkInt8", "sitkInt16", "sitkInt32", "sitkInt64", "sitkFloat32",
                              "sitkFloat64"],
    "VectorPixelIDTypeList": PIXEL_IDS[12:22],
    "RealVectorPixelIDTypeList": ["sitkVectorFloat32", "sitkVectorFloat64"],
    "LabelPixelIDTypeList": PIXEL_IDS[22:],
}
PIXEL_LISTS["NonLabelPixelIDTypeList"] = (BASIC + PIXEL_LISTS["ComplexPixelIDTypeList"]
                                          + PIXEL_LISTS["VectorPixelIDTypeList"])
PIXEL_LISTS["AllPixelIDTypeList"] = PIXEL_IDS
BASIC_TYPES = {"int8_t": "sitkInt8", "uint8_t": "sitkUInt8", "int16_t": "sitkInt16",
               "uint16_t": "sitkUInt16", "int32_t": "sitkInt32", "uint32_t": "sitkUInt32",
               "int64_t": "sitkInt64", "uint64_t": "sitkUInt64", "float": "sitkFloat32",
               "double": "sitkFloat64"}


def pixel_list(text):
    """The pixel ids a filter's `pixel_types` expression names, in SimpleITK's order."""
    text = " ".join(text.split())
    if text in PIXEL_LISTS:
        return PIXEL_LISTS[text]
    append = re.match(r"^typelist2::append<(.*)>::type$", text)
    if append:
        out = []
        for part in append.group(1).split(","):
            out += pixel_list(part.strip())
        return out
    listed = re.match(r"^typelist2::typelist<(.*)>$", text)
    if listed:
        return [BASIC_TYPES[t] for t in re.findall(r"BasicPixelID<\s*(\w+)\s*>", listed.group(1))]
    raise Unparsed(text)


NUMBER = re.compile(r"^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?[uUfFlL]*$")
VECTOR = re.compile(r"^std::vector<\s*([\w: ]+?)\s*>\s*\(\s*(\d+)\s*,\s*(.+?)\s*\)$")
EMPTY_VECTOR = re.compile(r"^std::vector<\s*([\w: <>]+?)\s*>\s*\(\s*\)$")
LIMITS = re.compile(r"^(-?)std::numeric_limits<\s*([\w ]+?)\s*>::max\(\)(/([\d.]+))?$")
MAX = {"double": 1.7976931348623157e308, "float": 3.4028234663852886e38,
       "uint8_t": 255, "uint32_t": 4294967295, "unsigned int": 4294967295,
       "int64_t": 9223372036854775807, "uint64_t": 18446744073709551615,
       "int32_t": 2147483647, "int": 2147483647}


class Unparsed(Exception):
    pass


def scalar_default(text, type_):
    if isinstance(text, bool):
        return text
    if isinstance(text, (int, float)):
        return float(text) if type_ in ("double", "float") else text
    text = text.strip()
    if text in ("true", "false"):
        return text == "true"
    if NUMBER.match(text):
        number = text.rstrip("uUfFlL")
        if type_ in ("double", "float"):
            return float(number)
        return int(float(number)) if re.search(r"[.eE]", number) else int(number)
    match = LIMITS.match(text)
    if match:
        value = MAX[match.group(2)]
        if match.group(4):
            value = value / float(match.group(4))
        return -value if match.group(1) else value
    if text.startswith("std::string(") and text.endswith(")"):
        return json.loads(text[len("std::string("):-1])
    if text == '""':
        return ""
    if text == "std::map<double,double>()":
        return {}
    for prefix in ("(uint32_t) ", "(uint8_t) "):
        if text.startswith(prefix):
            text = text[len(prefix):]
    if text.startswith("itk::simple::"):
        return text.split("::")[-1]
    raise Unparsed(text)


def element_type(cpp):
    cpp = cpp.strip()
    if cpp not in SCALAR_TYPES:
        raise Unparsed(cpp)
    return SCALAR_TYPES[cpp]


def member_param(member, owner):
    name = member["name"][0].lower() + member["name"][1:]
    cpp = member.get("type")
    default = member.get("default")
    if cpp is None and "enum" in member:
        values = list(member["enum"])
        return param(name, "enum", scalar_default(default, "enum"), values=values)
    if member.get("point_vec") == 1:
        return param(name, "vector<vector<%s>>" % element_type(cpp), [])
    if member.get("dim_vec") == 1:
        elem = element_type(cpp)
        text = str(default).strip()
        vector = VECTOR.match(text)
        if vector:
            raw = vector.group(3)
            try:
                item = scalar_default(raw, elem if elem in ("double", "float") else "int")
            except Unparsed:
                item = raw
            values = [item] * int(vector.group(2))
        elif EMPTY_VECTOR.match(text):
            values = []
        elif text.endswith("PermuteAxesImageFilter::DefaultOrder)"):
            values = [0, 1, 2]
        else:
            raise Unparsed(text)
        extra = {"dimVec": True}
        if member.get("set_as_scalar") == 1:
            extra["scalarAccepted"] = True
        return param(name, "vector<%s>" % elem, values, **extra)
    if cpp and cpp.startswith("std::vector<"):
        elem = element_type(cpp[len("std::vector<"):-1])
        text = str(default).strip()
        vector = VECTOR.match(text)
        if vector:
            values = [scalar_default(vector.group(3), elem)] * int(vector.group(2))
        elif EMPTY_VECTOR.match(text):
            values = []
        else:
            raise Unparsed(text)
        return param(name, "vector<%s>" % elem, values)
    type_ = element_type(cpp)
    if type_ == "Transform":
        return param(name, type_, "identity")
    return param(name, type_, scalar_default(default, cpp))


def procedure_name(description):
    name = description["name"]
    if description["template_code_filename"] == "ImageSource":
        return re.sub(r"ImageSource$", "Source", re.sub(r"Filter$", "", name))
    return re.sub(r"Filter$", "", re.sub(r"ImageFilter$", "", name))


def overloads_of(description, members):
    template = description["template_code_filename"]
    count = description.get("number_of_inputs", 0)
    images = [image("image%d" % i) for i in range(1, count + 1)]
    if template == "BinaryFunctorFilter":
        constant = param("constant", SCALAR_TYPES[description.get("constant_type", "double")])
        return [images + members, [images[0], constant] + members,
                [constant, images[1]] + members]
    if template == "MultiInputImageFilter":
        sequence = [param("images", "vector<Image>")] + members
        listed = [[image("image%d" % i) for i in range(1, n + 1)] + members for n in range(1, 6)]
        return [sequence] + listed
    inputs = []
    optional = []
    for entry in description.get("inputs", []):
        name = entry["name"][0].lower() + entry["name"][1:]
        kind = entry.get("type", "Image")
        if kind == "Image":
            item = image(name)
        else:
            item = param(name, element_type(kind.replace("std::vector<", "").rstrip(">"))
                         if not kind.startswith("std::vector") else
                         "vector<%s>" % element_type(kind[len("std::vector<"):-1]))
        inputs.append(item)
        optional.append(bool(entry.get("optional")))
    full = images + inputs + members
    if any(optional):
        required = [item for item, opt in zip(inputs, optional) if not opt]
        return [full, images + required + members]
    return [full]


def from_description(description):
    members = []
    for member in description.get("members", []):
        members.append(member_param(member, description["name"]))
    out = {
        "name": procedure_name(description),
        "filter": description["name"],
        "brief": " ".join(description.get("briefdescription", "").split()),
        "pixelTypes": pixel_list(description["pixel_types"]),
        "overloads": overloads_of(description, members),
    }
    if description.get("pixel_types2"):
        out["pixelTypes2"] = pixel_list(description["pixel_types2"])
    if description.get("output_pixel_type"):
        out["outputPixelType"] = description["output_pixel_type"]
    if description.get("output_image_type"):
        out["outputImageType"] = description["output_image_type"]
    if description.get("measurements"):
        out["measurements"] = [m["name"] for m in description["measurements"]]
    return out


def main(checkout):
    procedures = {}
    problems = []
    for path in sorted(glob.glob(os.path.join(checkout, "Code/BasicFilters/json/*.json"))):
        with open(path) as handle:
            description = json.load(handle)
        if description.get("no_procedure"):
            continue
        try:
            entry = from_description(description)
        except Unparsed as error:
            problems.append("%s: cannot read default or type %r" % (description["name"], str(error)))
            continue
        procedures[entry["name"]] = entry
    for entry in HAND_WRITTEN:
        merged = dict(procedures.get(entry["name"], {}))
        merged.update(entry)
        if isinstance(merged.get("pixelTypes"), str):
            merged["pixelTypes"] = pixel_list(merged["pixelTypes"])
        procedures[entry["name"]] = merged
    for name in VARIADIC_ONLY:
        procedures[name] = {"name": name, "brief": "SimpleITK " + name, "variadic": True,
                            "overloads": []}
    if problems:
        sys.stderr.write("\n".join(problems) + "\n")
        sys.exit(1)
    for entry in procedures.values():
        # SWIG wraps C++ procedures as `f(*args, **kwargs)`: VoxLogicA-2's registry then sees no
        # parameters and accepts any argument count, leaving the check to the call.
        entry.setdefault("arity", [0, None])
    common = os.path.join(checkout, "Code/Common/include")
    document = {
        "source": "SimpleITK " + RELEASE + " procedural interface",
        "kernels": enumerators(os.path.join(common, "sitkKernel.h"), "KernelEnum"),
        "interpolators": enumerators(os.path.join(common, "sitkInterpolator.h"),
                                     "InterpolatorEnum"),
        "pixelIds": PIXEL_IDS,
        "procedures": [procedures[name] for name in sorted(procedures)],
    }
    text = json.dumps(document, indent=None, separators=(",", ":"), sort_keys=False)
    # One procedure per line keeps the resource reviewable in diffs.
    text = text.replace(',{"name":', ',\n{"name":')
    sys.stdout.write(text + "\n")


def write_index(procedures_json):
    """One line per procedure, in the resource's order: name, least and most argument counts."""
    with open(procedures_json) as handle:
        document = json.load(handle)
    sys.stdout.write("# name, least and most arguments (* for any); from procedures.json\n")
    for entry in document["procedures"]:
        least, most = entry["arity"]
        sys.stdout.write("%s\t%d\t%s\n" % (entry["name"], least, "*" if most is None else most))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--index":
        write_index(sys.argv[2])
    elif len(sys.argv) == 2:
        main(sys.argv[1])
    else:
        sys.stderr.write(__doc__)
        sys.exit(2)
