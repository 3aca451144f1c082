// Writes the reference vectors of every registered family of cases under the directory given.
#include "reference.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace ref {

std::string
real(double value)
{
  if (std::isnan(value))
    return "\"NaN\"";
  if (std::isinf(value))
    return value > 0 ? "\"Infinity\"" : "\"-Infinity\"";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  std::string out(buffer);
  if (out.find_first_of(".eE") == std::string::npos)
    out += ".0";
  return out;
}

std::string
integer(long long value)
{
  return std::to_string(value);
}

std::string
text(const std::string & value)
{
  std::string out = "\"";
  for (char c : value)
  {
    if (c == '"' || c == '\\')
      out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string
flag(bool value)
{
  return value ? "true" : "false";
}

std::string
list(const std::vector<std::string> & items)
{
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i)
    out += (i ? "," : "") + items[i];
  return out + "]";
}

std::string
object(const std::vector<std::pair<std::string, std::string>> & members)
{
  std::string out = "{";
  for (size_t i = 0; i < members.size(); ++i)
    out += (i ? "," : "") + text(members[i].first) + ":" + members[i].second;
  return out + "}";
}

std::string
reals(const std::vector<double> & values)
{
  std::vector<std::string> items;
  for (double v : values)
    items.push_back(real(v));
  return list(items);
}

std::string
integers(const std::vector<long long> & values)
{
  std::vector<std::string> items;
  for (long long v : values)
    items.push_back(integer(v));
  return list(items);
}

Family::Family(std::string root, std::string name)
  : directory(std::move(root) + "/" + name)
  , name(std::move(name))
{
  std::filesystem::remove_all(directory);
  std::filesystem::create_directories(directory);
}

void
Family::add(const std::string & id, const std::string & procedure, const std::vector<std::string> & args,
            const std::string & expected, double tolerance, const std::string & note)
{
  cases.push_back(object({ { "id", text(id) },
                           { "procedure", text(procedure) },
                           { "args", list(args) },
                           { "expected", expected },
                           { "tolerance", real(tolerance) },
                           { "note", text(note) } }));
}

void
Family::refuse(const std::string & id, const std::string & procedure, const std::vector<std::string> & args,
               const std::string & message, const std::string & note)
{
  cases.push_back(object({ { "id", text(id) },
                           { "procedure", text(procedure) },
                           { "args", list(args) },
                           { "expected", object({ { "error", text(message) } }) },
                           { "tolerance", real(0) },
                           { "note", text(note) } }));
}

void
Family::writeBytes(const std::string & file, const std::vector<char> & bytes) const
{
  std::ofstream out(directory + "/" + file, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

void
Family::write() const
{
  std::ofstream out(directory + "/manifest.json");
  out << "{\"family\":" << text(name) << ",\"itk\":" << text(ITK_VERSION_STRING) << ",\"cases\":[\n";
  for (size_t i = 0; i < cases.size(); ++i)
    out << cases[i] << (i + 1 < cases.size() ? ",\n" : "\n");
  out << "]}\n";
}

std::map<std::string, CaseFunction> &
families()
{
  static std::map<std::string, CaseFunction> all;
  return all;
}

} // namespace ref

int
main(int argc, char ** argv)
{
  if (argc != 2)
  {
    std::cerr << "usage: itk-reference OUTPUT_DIRECTORY\n";
    return 2;
  }
  for (auto & [name, function] : ref::families())
  {
    ref::Family family(argv[1], name);
    function(family);
    family.write();
    std::cout << name << "\n";
  }
  return 0;
}
