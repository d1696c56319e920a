#!/usr/bin/env python3
"""Where does Terraform itself spend its CPU? A profile of the terraform process with names.

The released terraform binary is stripped, so perf shows bare addresses for it. Go keeps a
function table (.gopclntab) in every binary, though; this reads it and names perf's samples.

  perf record -g -o run.data -- terraform apply ...
  perf script -i run.data -F comm,ip,dso > run.txt
  tools/profile/terraform_profile.py run.txt [baseline.txt]

With one file it prints the functions with the most samples (inclusive); with two, the
functions whose inclusive samples grew most from the baseline (e.g. terraform_data) to the run.
"""

import bisect
import collections
import shutil
import struct
import subprocess
import sys


def read_go_functions(binary):
    """Returns sorted (start address, name) pairs from a Go 1.20+ binary's .gopclntab."""
    sections = {}
    listing = subprocess.run(["readelf", "-S", "-W", binary], capture_output=True, text=True,
                             check=True).stdout
    for line in listing.splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[0].startswith("[") and fields[0] != "[Nr]":
            sections[fields[1]] = (int(fields[4], 16), int(fields[5], 16))
    offset, size = sections[".gopclntab"]
    with open(binary, "rb") as f:
        f.seek(offset)
        table = f.read(size)
    if struct.unpack_from("<I", table, 0)[0] != 0xFFFFFFF1:
        sys.exit("unsupported .gopclntab version (Go 1.20 or later expected)")
    header = struct.unpack_from("<8Q", table, 8)
    count, text_start, names_at, functab_at = header[0], header[2], header[3], header[7]
    functions = []
    for i in range(count):
        entry, info = struct.unpack_from("<II", table, functab_at + 8 * i)
        name_offset = struct.unpack_from("<i", table, functab_at + info + 4)[0]
        start = names_at + name_offset
        end = table.index(b"\0", start)
        functions.append((text_start + entry, table[start:end].decode("utf-8", "replace")))
    functions.sort()
    return functions


def load_samples(path, functions, load_address=0x400000):
    """Inclusive sample counts per function for the samples of the `terraform` command."""
    starts = [start for start, _ in functions]
    inclusive = collections.Counter()
    stack, command = [], None

    def finish():
        if stack and command == "terraform":
            for frame in set(stack):
                inclusive[frame] += 1
            inclusive["(all samples)"] += 1

    with open(path, errors="replace") as f:
        for line in f:
            if not line.strip():
                finish()
                stack, command = [], None
            elif not line[0].isspace():
                command = line.split()[0]
            else:
                address = int(line.split()[0], 16)
                dso = line[line.rfind("(") + 1:line.rfind(")")]
                if dso.endswith("/terraform"):
                    # perf prints offsets into the mapping; the binary is linked at 0x400000.
                    i = bisect.bisect_right(starts, address + load_address) - 1
                    stack.append(functions[i][1] if i >= 0 else "?")
                else:
                    stack.append(dso.rsplit("/", 1)[-1])
    finish()
    return inclusive


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    functions = read_go_functions(shutil.which("terraform"))
    run = load_samples(sys.argv[1], functions)
    if len(sys.argv) == 2:
        for name, samples in run.most_common(60):
            print(f"{samples:7d}  {name}")
        return
    baseline = load_samples(sys.argv[2], functions)
    growth = {name: samples - baseline.get(name, 0) for name, samples in run.items()}
    print(f"{'growth':>7}  {'run':>7}  {'base':>7}  function")
    for name, grown in sorted(growth.items(), key=lambda item: -item[1])[:60]:
        print(f"{grown:7d}  {run[name]:7d}  {baseline.get(name, 0):7d}  {name}")


if __name__ == "__main__":
    main()
