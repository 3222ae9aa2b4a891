"""Prints the TL schema of the installed Telethon (one combinator a line, as api.tl writes them),
recovered from its generated readers: Telethon ships its layer as Python classes, not as api.tl.
Boxed types come out as `Object` (layers_extract.ts puts back the names where layer 224 agrees).

Run by testing/server/layers_extract.ts with IRENOGRAM_PYTHON; never at test time."""
import inspect
import re
import sys

from telethon.tl import alltlobjects

READS = {
    "read_int": "int", "read_long": "long", "read_double": "double", "tgread_string": "string",
    "tgread_bytes": "bytes", "tgread_bool": "Bool", "tgread_date": "int", "tgread_object": "Object",
}


def read_type(call):
    m = re.match(r"reader\.(\w+)\((.*)\)$", call)
    if not m:
        raise ValueError(call)
    if m.group(1) == "read_large_int":
        return "int" + re.search(r"\d+", m.group(2)).group(0)
    return READS[m.group(1)]


def tl_name(cls):
    name = cls.__name__
    if cls.__module__.startswith("telethon.tl.functions"):
        name = name[: -len("Request")]
    parts = cls.__module__.split(".")[3:]
    return ".".join(parts + [name[0].lower() + name[1:]])


def params(cls):
    out, cond, vector, boxed = [], None, None, False
    for raw in inspect.getsource(cls.from_reader).splitlines()[2:]:
        line = raw.strip()
        if not line or line.startswith("return") or line.startswith("for "):
            continue
        m = re.match(r"(flags\d*) = reader\.read_int\(\)$", line)
        if m:
            out.append(f"{m.group(1)}:#")
            continue
        m = re.match(r"_(\w+) = bool\((flags\d*) & (\d+)\)$", line)
        if m:
            out.append(f"{m.group(1)}:{m.group(2)}.{int(m.group(3)).bit_length() - 1}?true")
            continue
        m = re.match(r"if (flags\d*) & (\d+):$", line)
        if m:
            cond = f"{m.group(1)}.{int(m.group(2)).bit_length() - 1}?"
            continue
        if line == "else:":
            cond = None
            continue
        if line == "reader.read_int()":
            boxed = True
            continue
        m = re.match(r"_(\w+) = \[\]$", line)
        if m:
            vector = m.group(1)
            continue
        m = re.match(r"_(\w+)\.append\(_x\)$", line)
        if m:
            continue
        m = re.match(r"_(\w+) = None$", line)
        if m:
            continue
        m = re.match(r"_(\w+) = (reader\..*)$", line)
        if m:
            t = read_type(m.group(2))
            if m.group(1) == "x" and vector:
                t = ("Vector" if boxed else "vector") + f"<{t}>"
                name, vector, boxed = vector, None, False
            else:
                name = m.group(1)
            out.append(f"{name}:{cond or ''}{t}")
            continue
        raise ValueError(f"{cls.__name__}: unexpected line {line!r}")
    return out


print(f"// LAYER {alltlobjects.LAYER}")
for section in ("constructors", "functions"):
  if section == "functions":
    print("---functions---")
  for cid, cls in sorted(alltlobjects.tlobjects.items()):
    kind = "function" if cls.__module__.startswith("telethon.tl.functions") else "constructor"
    if kind != section[:-1]:
        continue
    try:
        line = " ".join([f"{tl_name(cls)}#{cid:08x}"] + params(cls) + ["= Object;"])
    except ValueError as e:
        # Hand-written readers (service objects such as future_salts): not API combinators.
        print(f"// not recovered: {tl_name(cls)}#{cid:08x} ({e})")
        continue
    print(line)
