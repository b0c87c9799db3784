#!/usr/bin/env bash
# Installs what the WordPress tests run: PHP (Debian's packages, no web server) and WordPress
# itself, unpacked from Debian's `wordpress` package (which would pull in Apache) into
# $ETW_WORDPRESS_ROOT (default /opt/etw-wordpress). Its `wp-config.php` reads the site's own
# configuration from the file named by the environment variable ETW_WP_CONFIG, so one copy of
# WordPress serves a throw-away site per test run. Safe to run again: it does nothing when all is there.
set -euo pipefail
root="${ETW_WORDPRESS_ROOT:-/opt/etw-wordpress}"
core="$root/usr/share/wordpress"
php_packages=(php-cli php-mysql php-xml php-mbstring php-curl php-intl php-zip php-gd)
# WordPress's own files, and those it links to under /usr/share/javascript and /usr/share/php.
wordpress_packages=(wordpress wordpress-theme-twentytwentythree libjs-underscore libjs-cropper php-getid3)

updated=
apt_update() {
  [ -n "$updated" ] || apt-get update -qq
  updated=1
}

if ! command -v php >/dev/null || ! php -m | grep -qx mysqli; then
  apt_update
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${php_packages[@]}" >/dev/null
fi

if [ ! -f "$core/wp-includes/version.php" ] || [ ! -f "$root/.etw-installed" ]; then
  apt_update
  work="$(mktemp -d)"
  chmod 777 "$work"
  (cd "$work" && apt-get download -qq "${wordpress_packages[@]}")
  mkdir -p "$root"
  for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$root"; done
  rm -rf "$work"
  touch "$root/.etw-installed"
fi

cat >"$core/wp-config.php" <<'PHP'
<?php
// The site's configuration is a file per test run, named by ETW_WP_CONFIG.
$etw_config = getenv('ETW_WP_CONFIG');
if (!$etw_config || !is_file($etw_config)) {
    header('HTTP/1.0 500 Internal Server Error');
    exit('ETW_WP_CONFIG does not name a configuration file.');
}
require $etw_config;
PHP
grep -o "wp_version = '[^']*'" "$core/wp-includes/version.php"
