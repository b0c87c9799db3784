<?php
/**
 * Settings → eTwinning Hub: the hub's URL, default language and theme, and where the script loads.
 */

namespace EtwinningHub;

defined( 'ABSPATH' ) || exit;

const OPTION = 'etwinning_hub_settings';

/**
 * The saved settings with their defaults: `hub` (origin, no trailing slash), `lang`, `theme`,
 * `load` (`used` or `everywhere`) and `release` (what `/widgets/release.json` said, or null).
 *
 * @return array{hub: string, lang: string, theme: string, load: string, release: ?array}
 */
function settings(): array {
	$saved = get_option( OPTION, array() );
	return array_merge(
		array(
			'hub'     => '',
			'lang'    => '',
			'theme'   => '',
			'load'    => 'used',
			'release' => null,
		),
		is_array( $saved ) ? $saved : array()
	);
}

/**
 * The release a hub describes at `/widgets/release.json`: `version`, `path` (of the versioned
 * loader) and `integrity`, or a WP_Error.
 *
 * @return array{version: string, path: string, integrity: string}|\WP_Error
 */
function fetch_release( string $hub ) {
	$response = wp_remote_get( $hub . '/widgets/release.json', array( 'timeout' => 5 ) );
	if ( is_wp_error( $response ) ) {
		return $response;
	}
	$body = json_decode( (string) wp_remote_retrieve_body( $response ), true );
	if ( 200 !== wp_remote_retrieve_response_code( $response ) || ! is_array( $body )
		|| ! preg_match( '#^/widgets/[\w.-]+/etw-widgets\.js$#', (string) ( $body['path'] ?? '' ) )
		|| ! preg_match( '#^sha(256|384|512)-[A-Za-z0-9+/=]+$#', (string) ( $body['integrity'] ?? '' ) ) ) {
		return new \WP_Error( 'etwinning_hub_release', __( 'The hub did not describe its widget release.', 'etwinning-hub' ) );
	}
	return array(
		'version'   => (string) ( $body['version'] ?? '' ),
		'path'      => $body['path'],
		'integrity' => $body['integrity'],
	);
}

/**
 * Cleans the submitted settings; a hub that answers gets its release pinned, one that does not
 * is kept with an error shown (the script then loads from the unversioned URL, without a hash).
 *
 * @param mixed $input What the settings form sent.
 */
function sanitize_settings( $input ): array {
	$input = is_array( $input ) ? $input : array();
	$clean = settings();
	$hub   = untrailingslashit( trim( (string) ( $input['hub'] ?? '' ) ) );
	if ( '' === $hub || is_http_url( $hub ) ) {
		$clean['hub'] = esc_url_raw( $hub );
	} else {
		add_settings_error( OPTION, 'hub', __( 'The hub URL must start with https:// or http://.', 'etwinning-hub' ) );
	}
	$lang          = trim( (string) ( $input['lang'] ?? '' ) );
	$clean['lang'] = '' === $lang || null !== normalize_value( array( 'type' => 'lang' ), $lang ) ? $lang : $clean['lang'];
	$theme         = (string) ( $input['theme'] ?? '' );
	$clean['theme'] = in_array( $theme, array( '', 'light', 'dark', 'auto' ), true ) ? $theme : '';
	$clean['load']  = 'everywhere' === ( $input['load'] ?? '' ) ? 'everywhere' : 'used';
	$clean['release'] = null;
	if ( '' !== $clean['hub'] ) {
		$release = fetch_release( $clean['hub'] );
		if ( is_wp_error( $release ) ) {
			add_settings_error(
				OPTION,
				'release',
				/* translators: %s: the error */
				sprintf( __( 'The widget release could not be read from the hub (%s). The script loads from its unversioned address until the settings are saved again.', 'etwinning-hub' ), $release->get_error_message() )
			);
		} else {
			$clean['release'] = $release;
		}
	}
	return $clean;
}

add_action(
	'admin_init',
	static function (): void {
		register_setting(
			'etwinning_hub',
			OPTION,
			array(
				'type'              => 'object',
				'sanitize_callback' => __NAMESPACE__ . '\\sanitize_settings',
				'default'           => array(),
			)
		);
	}
);

add_action(
	'admin_menu',
	static function (): void {
		add_options_page(
			__( 'eTwinning Hub', 'etwinning-hub' ),
			__( 'eTwinning Hub', 'etwinning-hub' ),
			'manage_options',
			'etwinning-hub',
			__NAMESPACE__ . '\\settings_page'
		);
	}
);

/** Prints the settings page. */
function settings_page(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$settings = settings();
	$field    = static fn ( string $key ): string => esc_attr( OPTION . '[' . $key . ']' );
	$themes   = array(
		''      => __( 'As the widget decides (light)', 'etwinning-hub' ),
		'light' => __( 'Light', 'etwinning-hub' ),
		'dark'  => __( 'Dark', 'etwinning-hub' ),
		'auto'  => __( 'Follow the visitor’s system', 'etwinning-hub' ),
	);
	?>
	<div class="wrap">
		<h1><?php echo esc_html__( 'eTwinning Hub', 'etwinning-hub' ); ?></h1>
		<?php settings_errors( OPTION ); ?>
		<form method="post" action="options.php">
			<?php settings_fields( 'etwinning_hub' ); ?>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><label for="etw-hub"><?php echo esc_html__( 'Hub URL', 'etwinning-hub' ); ?></label></th>
					<td>
						<input id="etw-hub" class="regular-text code" type="url" name="<?php echo $field( 'hub' ); ?>" value="<?php echo esc_attr( $settings['hub'] ); ?>" placeholder="https://cms.example.org">
						<p class="description"><?php echo esc_html__( 'Where the widgets and their data come from.', 'etwinning-hub' ); ?></p>
						<?php if ( $settings['release'] ) : ?>
							<p class="description" id="etw-release">
								<?php
								/* translators: %s: a version number */
								echo esc_html( sprintf( __( 'Pinned release: %s, loaded with its integrity hash.', 'etwinning-hub' ), $settings['release']['version'] ) );
								?>
							</p>
						<?php endif; ?>
					</td>
				</tr>
				<tr>
					<th scope="row"><label for="etw-lang"><?php echo esc_html__( 'Default language', 'etwinning-hub' ); ?></label></th>
					<td>
						<input id="etw-lang" class="small-text" type="text" name="<?php echo $field( 'lang' ); ?>" value="<?php echo esc_attr( $settings['lang'] ); ?>" placeholder="uk">
						<p class="description"><?php echo esc_html__( 'en, uk, az… Empty: the language of the page.', 'etwinning-hub' ); ?></p>
					</td>
				</tr>
				<tr>
					<th scope="row"><label for="etw-theme"><?php echo esc_html__( 'Default theme', 'etwinning-hub' ); ?></label></th>
					<td>
						<select id="etw-theme" name="<?php echo $field( 'theme' ); ?>">
							<?php foreach ( $themes as $value => $label ) : ?>
								<option value="<?php echo esc_attr( $value ); ?>" <?php selected( $settings['theme'], $value ); ?>><?php echo esc_html( $label ); ?></option>
							<?php endforeach; ?>
						</select>
					</td>
				</tr>
				<tr>
					<th scope="row"><?php echo esc_html__( 'Load the script', 'etwinning-hub' ); ?></th>
					<td>
						<fieldset>
							<label><input type="radio" name="<?php echo $field( 'load' ); ?>" value="used" <?php checked( $settings['load'], 'used' ); ?>> <?php echo esc_html__( 'Only on pages that show a widget', 'etwinning-hub' ); ?></label><br>
							<label><input type="radio" name="<?php echo $field( 'load' ); ?>" value="everywhere" <?php checked( $settings['load'], 'everywhere' ); ?>> <?php echo esc_html__( 'On every page (for widgets placed by themes or other plugins)', 'etwinning-hub' ); ?></label>
						</fieldset>
					</td>
				</tr>
			</table>
			<?php submit_button(); ?>
		</form>
	</div>
	<?php
}
