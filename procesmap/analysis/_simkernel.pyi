"""Type stub of the compiled event loop (_simkernel.c); see simulation._loop_compiled for its arguments."""

def run(*args: object) -> tuple[list[bytes], list[bytes]]: ...

SOURCE_SHA256: str
