#!/usr/bin/env python3
"""Runs a command and prints its wall time and peak memory (the child's maximum resident set).

Usage: measure.py OUTPUT-FILE COMMAND [ARGS...]   (the command's stdout goes to OUTPUT-FILE)
Prints one line: "<seconds> <peak MiB>".
"""
import resource
import subprocess
import sys
import time

with open(sys.argv[1], "wb") as output:
    start = time.perf_counter()
    completed = subprocess.run(sys.argv[2:], stdout=output, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
if completed.returncode != 0:
    sys.exit(f"measure: {' '.join(sys.argv[2:])} exited {completed.returncode}")
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # kilobytes on Linux
print(f"{elapsed:.4f} {peak:.1f}")
