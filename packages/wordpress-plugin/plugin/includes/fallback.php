<?php
/**
 * What a widget shows without JavaScript, and until its data arrives: the current figures, news
 * or events, read from the hub's public feed on the server and cached for a few minutes.
 * Only phrasing content (`span`, `a`, `br`, `time`), so that no paragraph around a shortcode can
 * push it out of the tag.
 */

namespace EtwinningHub;

defined( 'ABSPATH' ) || exit;

const FEED_CACHE_SECONDS  = 300;
const FAILURE_CACHE_SECONDS = 60;

/**
 * One feed answer of `$hub` as an array, or null when the hub cannot be reached. A locale the
 * hub does not know (400) is asked again without it. A hub other than the one in the settings
 * (an `api-base` typed by an author) is asked only if it is a public address.
 *
 * @param array<string, string> $query
 */
function feed( string $hub, string $path, array $query ): ?array {
	$query = array_filter( $query, static fn ( $value ) => '' !== (string) $value );
	$url   = add_query_arg( array_map( 'rawurlencode', $query ), $hub . '/api/etw/v1/' . $path );
	$key   = 'etwinning_hub_' . md5( $url );
	$hit   = get_transient( $key );
	if ( is_array( $hit ) ) {
		return $hit['body'];
	}
	$request  = $hub === settings()['hub'] ? 'wp_remote_get' : 'wp_safe_remote_get';
	$response = $request( $url, array( 'timeout' => 3, 'headers' => array( 'accept' => 'application/json' ) ) );
	$status   = is_wp_error( $response ) ? 0 : wp_remote_retrieve_response_code( $response );
	if ( 400 === $status && isset( $query['locale'] ) ) {
		unset( $query['locale'] );
		return feed( $hub, $path, $query );
	}
	$body = 200 === $status ? json_decode( (string) wp_remote_retrieve_body( $response ), true ) : null;
	$body = is_array( $body ) ? $body : null;
	set_transient( $key, array( 'body' => $body ), $body ? FEED_CACHE_SECONDS : FAILURE_CACHE_SECONDS );
	return $body;
}

/** The two-letter language the content is asked for in. */
function feed_locale( array $attributes ): string {
	$lang = $attributes['lang'] ?? determine_locale();
	return strtolower( substr( (string) preg_replace( '/[-_].*/', '', $lang ), 0, 3 ) );
}

/** A link to the hub, when nothing better can be shown. */
function hub_link( string $hub ): string {
	if ( '' === $hub ) {
		return '<span class="etw-fallback">' . esc_html__( 'eTwinning news, events and statistics.', 'etwinning-hub' ) . '</span>';
	}
	/* translators: %s: host name of the hub */
	$text = sprintf( __( 'eTwinning news, events and statistics on %s', 'etwinning-hub' ), wp_parse_url( $hub, PHP_URL_HOST ) );
	return '<a class="etw-fallback" href="' . esc_url( $hub ) . '">' . esc_html( $text ) . '</a>';
}

/** A number as the site's language writes it; an approximate one with a plus (`160,000+`). */
function figure( array $metric ): string {
	return number_format_i18n( (float) ( $metric['value'] ?? 0 ) ) . ( empty( $metric['approximate'] ) ? '' : '+' );
}

/**
 * The fallback of `$widget` with `$attributes` (already checked), from the hub `$hub`.
 *
 * @param array<string, mixed>  $widget
 * @param array<string, string> $attributes
 */
function fallback_html( array $widget, array $attributes, string $hub ): string {
	$locale = feed_locale( $attributes );
	$get    = static fn ( string $name ): string => $attributes[ $name ] ?? '';
	$items  = array();
	switch ( $widget['fallback'] ) {
		case 'stats':
			$data = '' === $hub ? null : feed( $hub, 'stats', array( 'country' => $get( 'country' ), 'organization' => $get( 'organization' ), 'metrics' => $get( 'metrics' ), 'locale' => $locale ) );
			foreach ( $data['metrics'] ?? array() as $metric ) {
				$items[] = '<span>' . esc_html( $metric['label'] ?? $metric['key'] ?? '' ) . ': ' . esc_html( figure( $metric ) ) . '</span>';
			}
			return $items ? '<span class="etw-fallback">' . implode( ' · ', $items ) . '</span>' : hub_link( $hub );
		case 'news':
			$data = '' === $hub ? null : feed( $hub, 'news', array( 'limit' => $get( 'limit' ) ?: '5', 'country' => $get( 'country' ), 'organization' => $get( 'organization' ), 'tag' => $get( 'tag' ), 'locale' => $locale ) );
			foreach ( $data['items'] ?? array() as $item ) {
				$link    = '' !== $get( 'link-template' ) ? fill_link_template( $get( 'link-template' ), $item, (string) ( $data['locale'] ?? $locale ) ) : (string) ( $item['link'] ?? '' );
				$items[] = '<a href="' . esc_url( $link ) . '">' . esc_html( $item['title'] ?? '' ) . '</a>';
			}
			return $items ? '<span class="etw-fallback">' . implode( '<br>', $items ) . '</span>' : hub_link( $hub );
		case 'events':
			$data = '' === $hub ? null : feed( $hub, 'events', array( 'when' => $get( 'when' ), 'limit' => $get( 'limit' ) ?: '5', 'country' => $get( 'country' ), 'locale' => $locale ) );
			foreach ( $data['items'] ?? array() as $item ) {
				$start   = strtotime( (string) ( $item['start'] ?? '' ) );
				$when    = $start ? wp_date( get_option( 'date_format' ), $start, new \DateTimeZone( $item['timeZone'] ?? 'UTC' ) ) : '';
				$items[] = '<a href="' . esc_url( (string) ( $item['link'] ?? '' ) ) . '">' . esc_html( $item['title'] ?? '' ) . '</a>'
					. ( $when ? ' <time datetime="' . esc_attr( $item['start'] ) . '">' . esc_html( $when ) . '</time>' : '' );
			}
			return $items ? '<span class="etw-fallback">' . implode( '<br>', $items ) . '</span>' : hub_link( $hub );
		case 'chart':
			$compare = $get( 'compare' );
			$data    = '' === $hub ? null : ( '' === $compare
				? feed( $hub, 'stats/history', array( 'metric' => $get( 'metric' ) ?: 'teachers', 'country' => $get( 'country' ), 'organization' => $get( 'organization' ), 'locale' => $locale ) )
				: feed( $hub, 'stats/compare', array( 'metric' => $get( 'metric' ) ?: 'teachers', 'countries' => strtoupper( $compare ), 'locale' => $locale ) ) );
			foreach ( $data['points'] ?? $data['countries'] ?? array() as $point ) {
				$items[] = '<span>' . esc_html( ( $point['country'] ?? $point['asOf'] ?? '' ) . ': ' . figure( $point ) ) . '</span>';
			}
			return $items ? '<span class="etw-fallback">' . esc_html( (string) ( $data['metric']['label'] ?? '' ) ) . ' — ' . implode( ' · ', $items ) . '</span>' : hub_link( $hub );
		case 'article':
			$slug = $get( 'slug' );
			if ( '' === $slug && '' !== $get( 'slug-param' ) && isset( $_GET[ $get( 'slug-param' ) ] ) ) {
				$slug = (string) normalize_value( array( 'type' => 'slug' ), sanitize_text_field( wp_unslash( (string) $_GET[ $get( 'slug-param' ) ] ) ) );
			}
			$item = '' === $hub || '' === $slug ? null : feed( $hub, 'news/' . rawurlencode( $slug ), array( 'locale' => $locale ) );
			if ( ! $item || empty( $item['title'] ) ) {
				return hub_link( $hub );
			}
			return '<span class="etw-fallback"><a href="' . esc_url( (string) ( $item['link'] ?? '' ) ) . '">' . esc_html( $item['title'] ) . '</a>'
				. ( empty( $item['summary'] ) ? '' : '<br>' . esc_html( $item['summary'] ) ) . '</span>';
	}
	return hub_link( $hub );
}

/** `$template` with `{slug}`, `{id}` and `{locale}` replaced, URL-encoded, as the widget does. */
function fill_link_template( string $template, array $item, string $locale ): string {
	return strtr(
		$template,
		array(
			'{slug}'   => rawurlencode( (string) ( $item['slug'] ?? '' ) ),
			'{id}'     => rawurlencode( (string) ( $item['id'] ?? '' ) ),
			'{locale}' => rawurlencode( $locale ),
		)
	);
}
