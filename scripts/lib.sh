# Shared by scripts/tandem, scripts/test and scripts/bench: installs what the
# build needs when it is missing, so a fresh machine needs no manual steps.

# ensure_packages PKG… : installs the Debian packages that are not installed yet.
ensure_packages() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            echo "tandem: missing Debian packages: ${missing[*]}; install them as root (apt-get install ${missing[*]})" >&2
            return 1
        fi
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "tandem: missing packages: ${missing[*]}, and there is no apt-get here; install them with your system's package manager" >&2
        return 1
    fi
    echo "tandem: installing ${missing[*]} …" >&2
    if ! { "${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}"; } >&2; then
        echo "tandem: could not install ${missing[*]}; install them by hand (apt-get install ${missing[*]})" >&2
        return 1
    fi
}

# The packages every build needs (libedit for the REPL's line editor).
build_packages=(libedit-dev pkg-config)

# A script that builds nothing (scripts/syncthing-pair) sets lib_needs_swift=0.
if [ "${lib_needs_swift:-1}" != 0 ] && ! command -v swift >/dev/null 2>&1; then
    echo "tandem: swift is not on PATH; install Swift 6 (https://swift.org/install) and try again" >&2
    exit 1
fi
