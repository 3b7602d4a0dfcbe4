"""The one compiled part of procesmap: the queueing simulation's event loop (procesmap/analysis/_simkernel.c).

Everything else is in pyproject.toml. The extension is optional: where no C compiler is found, the
install goes on and the simulation runs its reference loop in Python (the same figures, slower).
"""

import hashlib
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

KERNEL = "procesmap/analysis/_simkernel.c"


def source_sha256(path: str) -> str:
    """The SHA-256 of a source with its line ends as ``\\n`` (a checkout with CRLF is the same source);
    procesmap.analysis.simulation.kernel_source_sha256 computes the same."""
    return hashlib.sha256(Path(path).read_bytes().replace(b"\r\n", b"\n")).hexdigest()


class BuildExt(build_ext):
    """No fused multiply-add: the compiled loop must round every step as Python does."""

    def build_extensions(self) -> None:
        if self.compiler.compiler_type == "unix":
            for extension in self.extensions:
                extension.extra_compile_args += ["-O2", "-ffp-contract=off", "-fno-fast-math"]
        super().build_extensions()


setup(
    ext_modules=[
        Extension(
            "procesmap.analysis._simkernel",
            [KERNEL],
            define_macros=[("SOURCE_SHA256", f'"{source_sha256(KERNEL)}"')],
            optional=True,
        ),
    ],
    cmdclass={"build_ext": BuildExt},
)
