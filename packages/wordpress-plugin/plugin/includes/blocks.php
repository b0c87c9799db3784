<?php
/**
 * One dynamic block per widget (blocks/<name>/block.json, made by the build from widgets.json),
 * rendered on the server by the same code as its shortcode; in the editor, the widget itself
 * previews the attributes set in the sidebar.
 */

namespace EtwinningHub;

defined( 'ABSPATH' ) || exit;

const EDITOR_SCRIPT = 'etwinning-hub-editor';

add_action(
	'init',
	static function (): void {
		wp_register_script(
			EDITOR_SCRIPT,
			plugins_url( 'assets/editor.js', PLUGIN_FILE ),
			array( 'wp-blocks', 'wp-block-editor', 'wp-components', 'wp-element' ),
			VERSION,
			true
		);
		foreach ( widgets() as $widget ) {
			$dir = dirname( PLUGIN_FILE ) . '/blocks/' . $widget['name'];
			if ( is_file( $dir . '/block.json' ) ) {
				register_block_type(
					$dir,
					array(
						'render_callback' => static fn ( array $attributes ): string => render_widget(
							$widget,
							// What block supports add (align, className) goes on the tag as its class.
							array_intersect_key( $attributes, $widget['attributes'] ),
							get_block_wrapper_attributes()
						),
					)
				);
			}
		}
	}
);

add_action(
	'enqueue_block_editor_assets',
	static function (): void {
		$settings = settings();
		$widgets  = array();
		foreach ( widgets() as $widget ) {
			$attributes = array();
			foreach ( $widget['attributes'] as $name => $rule ) {
				// phpcs:disable WordPress.WP.I18n.NonSingularStringLiteralText -- labels come from widgets.json; languages/*.po holds them.
				$attributes[ $name ] = array(
					'label' => __( $rule['label'], 'etwinning-hub' ),
					'help'  => isset( $rule['help'] ) ? __( $rule['help'], 'etwinning-hub' ) : '',
					'enum'  => $rule['enum'] ?? null,
					'type'  => $rule['type'] ?? 'enum',
				);
				// phpcs:enable
			}
			$widgets[] = array(
				'block'      => $widget['block'],
				'tag'        => $widget['tag'],
				'attributes' => $attributes,
			);
		}
		wp_add_inline_script(
			EDITOR_SCRIPT,
			'window.etwinningHubEditor = ' . wp_json_encode(
				array(
					'widgets'  => $widgets,
					'hub'      => $settings['hub'],
					'defaults' => array_filter( array( 'lang' => $settings['lang'], 'theme' => $settings['theme'] ) ),
					'strings'  => array(
						'settings' => __( 'Widget settings', 'etwinning-hub' ),
						'default'  => __( 'Default', 'etwinning-hub' ),
						'loading'  => __( 'Loading the preview from the hub…', 'etwinning-hub' ),
						'noHub'    => __( 'Set the hub URL in Settings → eTwinning Hub to see the preview.', 'etwinning-hub' ),
					),
				)
			) . ';',
			'before'
		);
		enqueue_script();
	}
);
