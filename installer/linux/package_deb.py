"""Write DEBIAN/control for Briefcase's Linux bundle and build the .deb (run by installer/build.sh).

    /usr/bin/python3 installer/linux/package_deb.py MERGED_PYPROJECT BUNDLE OUTDIR

Replaces `briefcase package linux system`, which cannot express a Depends alternative (it checks
each dependency literally as an installed package) and writes no Installed-Size. Everything else
follows Briefcase's own control file: libc6 and libpython of the build host, then the app's
`system_runtime_requires`, then our `deb_depends_alternatives`.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any


def app_config(pyproject: Path, app: str = "jpki-desktop") -> dict[str, Any]:
    """The Linux system configuration of `app`, merged the way Briefcase merges it."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    briefcase = data["tool"]["briefcase"]
    project = data["project"]
    merged: dict[str, Any] = {k: v for k, v in briefcase.items() if k != "app"}
    merged.setdefault("version", project["version"])
    merged.setdefault("description", project.get("description", ""))
    level = briefcase["app"][app]
    for table in (level, level.get("linux", {}), level.get("linux", {}).get("system", {})):
        merged.update({k: v for k, v in table.items() if not isinstance(v, dict)})
    return merged


def os_release() -> dict[str, str]:
    fields = {}
    for line in Path("/etc/os-release").read_text().splitlines():
        key, _, value = line.partition("=")
        fields[key] = value.strip('"')
    return fields


def control(cfg: dict[str, Any], installed_kib: int, arch: str) -> str:
    glibc = platform.libc_ver()[1]
    py = f"{sys.version_info.major}.{sys.version_info.minor}"
    depends = [
        f"libc6 (>= {glibc})",
        f"libpython{py}",
        *cfg.get("system_runtime_requires", []),
        *cfg.get("deb_depends_alternatives", []),
    ]
    long = [" " + line if line.strip() else " ." for line in cfg["long_description"].splitlines()]
    return "\n".join(
        [
            f"Package: {cfg['project_name']}",
            f"Version: {cfg['version']}-{cfg.get('revision', 1)}",
            f"Architecture: {arch}",
            f"Maintainer: {cfg['author']} <{cfg['author_email']}>",
            f"Installed-Size: {installed_kib}",
            f"Depends: {', '.join(depends)}",
            f"Section: {cfg.get('system_section', 'utils')}",
            "Priority: optional",
            f"Homepage: {cfg['url']}",
            f"Description: {cfg['description']}",
            *long,
            "",
        ]
    )


def main() -> int:
    pyproject, bundle, outdir = (Path(a) for a in sys.argv[1:4])
    cfg = app_config(pyproject)
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    debian = bundle / "DEBIAN"
    debian.mkdir(mode=0o755, exist_ok=True)
    debian.chmod(0o755)
    size = sum(
        p.stat().st_size for p in (bundle / "usr").rglob("*") if p.is_file() and not p.is_symlink()
    )
    (debian / "control").write_text(control(cfg, (size + 1023) // 1024, arch), encoding="utf-8")
    rel = os_release()
    name = (
        f"{cfg['project_name']}_{cfg['version']}-{cfg.get('revision', 1)}"
        f"~{rel.get('ID', 'linux')}-{rel.get('VERSION_CODENAME', 'unknown')}_{arch}.deb"
    )
    outdir.mkdir(parents=True, exist_ok=True)
    target = outdir / name
    tmp = outdir / (name + ".part")
    # zstd -9: ~25 s for the ~175 MB bundle on 2 cores (xz -6, dpkg's default, takes minutes;
    # zstd -19 gains 15% for ten times the time). apt/dpkg read zstd since Debian 12.
    subprocess.run(
        [
            "dpkg-deb",
            "--build",
            "--root-owner-group",
            "-Zzstd",
            "-z9",
            f"--threads-max={os.cpu_count() or 1}",
            str(bundle),
            str(tmp),
        ],
        check=True,
    )
    tmp.replace(target)
    print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
