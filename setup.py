"""The one compiled part of procesmap: the queueing simulation's event loop (procesmap/analysis/_simkernel.c).

Everything else is in pyproject.toml. The extension is optional: where no C compiler is found, the
install goes on and the simulation runs its reference loop in Python (the same figures, slower).
"""

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


class BuildExt(build_ext):
    """No fused multiply-add: the compiled loop must round every step as Python does."""

    def build_extensions(self) -> None:
        if self.compiler.compiler_type == "unix":
            for extension in self.extensions:
                extension.extra_compile_args += ["-O2", "-ffp-contract=off", "-fno-fast-math"]
        super().build_extensions()


setup(
    ext_modules=[
        Extension("procesmap.analysis._simkernel", ["procesmap/analysis/_simkernel.c"], optional=True),
    ],
    cmdclass={"build_ext": BuildExt},
)
