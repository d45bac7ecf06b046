#!/usr/bin/env sh
# Install the standalone Værdidialog for the current user only (no root needed):
#   the app folder  -> ~/.local/lib/vaerdidialog/
#   the program     -> ~/.local/bin/vaerdidialog (a link)
#   the menu entry  -> ~/.local/share/applications/vaerdidialog.desktop
#   the icons       -> ~/.local/share/icons/hicolor/<size>/apps/vaerdidialog.png
# Run it from the built folder (dist/vaerdidialog/, where `make dist` puts a copy):
#   ./install-linux.sh            install or update
#   ./install-linux.sh --remove   remove the app again (workshops stay in the data folder)
set -eu

here="$(cd "$(dirname "$0")" && pwd)"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
target="$HOME/.local/lib/vaerdidialog"
bin="$HOME/.local/bin"
sizes="16 24 32 48 64 128 256 512"

if [ "${1:-}" = "--remove" ]; then
  rm -rf "$target" "$bin/vaerdidialog" "$data_home/applications/vaerdidialog.desktop"
  for size in $sizes; do
    rm -f "$data_home/icons/hicolor/${size}x${size}/apps/vaerdidialog.png"
  done
  echo "Værdidialog removed. Your workshops are still in the data folder."
  exit 0
fi

[ -x "$here/vaerdidialog" ] || { echo "Run this from the built app folder." >&2; exit 1; }

mkdir -p "$target" "$bin" "$data_home/applications"
if [ "$here" != "$target" ]; then
  rm -rf "$target"
  cp -a "$here" "$target"
fi
ln -sf "$target/vaerdidialog" "$bin/vaerdidialog"

icons="$target/_internal/resources/icons"
for size in $sizes; do
  folder="$data_home/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$folder"
  cp "$icons/vaerdidialog-$size.png" "$folder/vaerdidialog.png"
done
# The menu entry starts the program by its full path: ~/.local/bin may not be on PATH.
sed "s|^Exec=.*|Exec=\"$target/vaerdidialog\"|" "$here/vaerdidialog.desktop" \
  >"$data_home/applications/vaerdidialog.desktop"
command -v update-desktop-database >/dev/null && \
  update-desktop-database "$data_home/applications" 2>/dev/null || true

echo "Værdidialog is installed: find it in the applications menu, or run $bin/vaerdidialog"
