"""Only here to map the top-level resources/ folder into the package as reader.resources.

pyproject.toml cannot combine automatic package discovery with a package-dir mapping, and the
app reads its icons, sample article and schemas through importlib.resources, so they must ship
inside the wheel as a real package.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["reader", "reader.*"]), "reader.resources"],
    package_dir={"reader.resources": "resources"},
)
