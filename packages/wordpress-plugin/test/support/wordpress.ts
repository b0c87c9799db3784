import type { ChildProcess } from 'node:child_process'

import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from '../../../../cms/test/helpers/cms-process'

/** WordPress as `scripts/install-wordpress.sh` unpacks it from Debian's package. */
export const WORDPRESS_CORE =
  process.env.ETW_WORDPRESS_DIR ?? '/opt/etw-wordpress/usr/share/wordpress'
/** MariaDB's socket: root connects through it without a password on these machines. */
export const MARIADB_SOCKET = process.env.ETW_MARIADB_SOCKET ?? '/run/mysqld/mysqld.sock'

const INSTALL_HINT =
  'run `bash packages/wordpress-plugin/scripts/install-wordpress.sh` (.ci/run does) and start MariaDB'

/** Why a WordPress site cannot be started here, or `null` when it can. */
export const wordpressMissing = (): string | null => {
  if (!fs.existsSync(path.join(WORDPRESS_CORE, 'wp-includes', 'version.php'))) {
    return `WordPress is not unpacked at ${WORDPRESS_CORE}: ${INSTALL_HINT}.`
  }
  const php = spawnSync('php', ['-m'], { encoding: 'utf8' })
  if (php.status !== 0 || !/^mysqli$/m.test(php.stdout)) {
    return `PHP with mysqli is missing: ${INSTALL_HINT}.`
  }
  const probe = spawnSync('mariadb', ['--socket', MARIADB_SOCKET, '-uroot', '-e', 'SELECT 1'], {
    encoding: 'utf8',
  })
  if (probe.status !== 0) {
    return `MariaDB does not answer root on ${MARIADB_SOCKET} (${(probe.stderr || probe.error?.message || '').trim()}): ${INSTALL_HINT}.`
  }
  return null
}

const sql = (statement: string) =>
  execFileSync('mariadb', ['--socket', MARIADB_SOCKET, '-uroot', '-e', statement])

/** Serves `/wp-content/` from the site's own folder; everything else from WordPress's core. */
const ROUTER = `<?php
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
$content = getenv('ETW_WP_CONTENT');
if (str_starts_with($path, '/wp-content/')) {
  $file = realpath($content . substr($path, strlen('/wp-content')));
  if ($file && is_file($file) && !str_ends_with($file, '.php')) {
    $types = ['css' => 'text/css', 'js' => 'text/javascript', 'json' => 'application/json',
      'svg' => 'image/svg+xml', 'png' => 'image/png', 'jpg' => 'image/jpeg', 'woff2' => 'font/woff2',
      'woff' => 'font/woff', 'ttf' => 'font/ttf', 'webp' => 'image/webp', 'gif' => 'image/gif'];
    header('Content-Type: ' . ($types[pathinfo($file, PATHINFO_EXTENSION)] ?? 'application/octet-stream'));
    readfile($file);
    return true;
  }
  http_response_code(404);
  return true;
}
$file = $_SERVER['DOCUMENT_ROOT'] . $path;
if ($path !== '/' && is_file($file)) return false;
if (is_dir($file) && is_file(rtrim($file, '/') . '/index.php')) {
  $_SERVER['SCRIPT_NAME'] = rtrim($path, '/') . '/index.php';
  chdir(rtrim($file, '/'));
  require rtrim($file, '/') . '/index.php';
  return true;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
`

/** Test scaffolding: `?etw_test_locale=uk` shows a request in that language. */
const TEST_LOCALE = `<?php
$etw_test_locale = static fn ($locale) => isset($_GET['etw_test_locale'])
  ? preg_replace('/[^A-Za-z_]/', '', (string) $_GET['etw_test_locale'])
  : $locale;
add_filter('locale', $etw_test_locale);
add_filter('determine_locale', $etw_test_locale);
`

export interface WordPressSite {
  url: string
  /** The site's `wp-content`: plugins are installed under it. */
  contentDir: string
  admin: { user: string; password: string }
  /** What PHP's server and WordPress's debug log printed. */
  output: () => string
  /** Lines of `debug.log` (PHP notices, warnings and errors of every request). */
  debugLog: () => string
  stop: () => Promise<void>
}

/**
 * A new WordPress site on 127.0.0.1: its own database (dropped by `stop`), its own `wp-content`
 * (the core's Twenty Twenty-Three theme linked in), served by `php -S`, installed through
 * `wp-admin/install.php` as a person would. Outgoing HTTP is limited to this machine.
 */
export const startWordPress = async (): Promise<WordPressSite> => {
  const id = randomBytes(4).toString('hex')
  const database = `etw_wp_${id}`
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etw-wordpress-'))
  const contentDir = path.join(dir, 'wp-content')
  for (const sub of ['plugins', 'themes', 'uploads', 'upgrade', 'mu-plugins']) {
    fs.mkdirSync(path.join(contentDir, sub), { recursive: true })
  }
  fs.writeFileSync(path.join(contentDir, 'mu-plugins', 'etw-test-locale.php'), TEST_LOCALE)
  const themes = path.join(WORDPRESS_CORE, 'wp-content', 'themes')
  for (const theme of fs.readdirSync(themes)) {
    fs.symlinkSync(path.join(themes, theme), path.join(contentDir, 'themes', theme))
  }
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const salts = ['AUTH', 'SECURE_AUTH', 'LOGGED_IN', 'NONCE']
    .flatMap((name) => [`${name}_KEY`, `${name}_SALT`])
    .map((name) => `define('${name}', '${randomBytes(24).toString('hex')}');`)
    .join('\n')
  const configFile = path.join(dir, 'config.php')
  const debugFile = path.join(dir, 'debug.log')
  fs.writeFileSync(
    configFile,
    `<?php
define('DB_NAME', '${database}');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:${MARIADB_SOCKET}');
define('DB_CHARSET', 'utf8mb4');
define('WP_HOME', '${url}');
define('WP_SITEURL', '${url}');
define('WP_CONTENT_DIR', '${contentDir}');
define('WP_CONTENT_URL', '${url}/wp-content');
define('FS_METHOD', 'direct');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '${debugFile}');
${salts}
$table_prefix = 'wp_';
define('ABSPATH', '${WORDPRESS_CORE}/');
require_once ABSPATH . 'wp-settings.php';
`,
  )
  const router = path.join(dir, 'router.php')
  fs.writeFileSync(router, ROUTER)
  sql(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)

  let log = ''
  const child: ChildProcess = spawn(
    'php',
    ['-S', `127.0.0.1:${port}`, '-t', WORDPRESS_CORE, router],
    {
      env: {
        ...process.env,
        ETW_WP_CONFIG: configFile,
        ETW_WP_CONTENT: contentDir,
        PHP_CLI_SERVER_WORKERS: '4',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so that the workers PHP forks stop with it.
      detached: true,
    },
  )
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM')
    await exited
    sql(`DROP DATABASE IF EXISTS \`${database}\``)
    fs.rmSync(dir, { recursive: true, force: true })
  }

  const admin = { user: 'admin', password: `admin-${randomBytes(8).toString('hex')}` }
  try {
    const deadline = Date.now() + 30_000
    while (true) {
      try {
        const response = await fetch(`${url}/wp-admin/install.php`)
        if (response.status === 200) break
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`php -S did not answer:\n${log}`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    const installed = await fetch(`${url}/wp-admin/install.php?step=2`, {
      method: 'POST',
      body: new URLSearchParams({
        weblog_title: 'Kamianets-Podilskyi University',
        user_name: admin.user,
        admin_password: admin.password,
        admin_password2: admin.password,
        pw_weak: '1',
        admin_email: 'webmaster@univ.example',
        blog_public: '0',
        language: '',
      }),
    })
    const page = await installed.text()
    if (!/<h1>Success!<\/h1>/.test(page)) {
      throw new Error(
        `wp-admin/install.php did not install the site:\n${page.slice(0, 2000)}\n${log}`,
      )
    }
  } catch (error) {
    await stop()
    throw error
  }
  return {
    url,
    contentDir,
    admin,
    output: () => log,
    debugLog: () => (fs.existsSync(debugFile) ? fs.readFileSync(debugFile, 'utf8') : ''),
    stop,
  }
}
