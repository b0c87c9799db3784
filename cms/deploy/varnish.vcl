vcl 4.1;

# eTwinning Hub: Varnish as the shared HTTP cache in front of the load balancer
# (docs/operators.md, "Several instances"). It caches what anonymous readers get — the public
# feed, the public pages (home, /{locale}/news and /{locale}/events with their items, sitemaps),
# widget scripts, uploaded images — for as long as the CMS's Cache-Control says (s-maxage,
# stale-while-revalidate), keeps one object per Vary, and answers If-None-Match with 304 from its
# copy. Everything else (admin, REST, GraphQL, /api/health) passes through uncached.
#
# Edit the backend below to point at HAProxy, and the acl to the CMS instances' addresses (they
# send BAN requests when content changes; ETW_HTTP_CACHE_BAN_URLS names this Varnish).

backend haproxy {
  .host = "127.0.0.1";
  .port = "8080";
  .connect_timeout = 2s;
  .first_byte_timeout = 30s;
}

acl cms_instances {
  "127.0.0.1";
}

sub vcl_recv {
  if (req.method == "BAN") {
    if (client.ip !~ cms_instances) {
      return (synth(403, "Forbidden"));
    }
    if (!req.http.x-ban-url) {
      return (synth(400, "X-Ban-Url missing"));
    }
    # Matched against the URL stored on each object, so the ban lurker can drop them in the
    # background.
    ban("obj.http.x-etw-url ~ " + req.http.x-ban-url);
    return (synth(200, "Banned"));
  }
  if (req.method != "GET" && req.method != "HEAD") {
    return (pass);
  }
  if (req.url ~ "^/api/etw/" || req.url ~ "^/widgets/" || req.url ~ "^/api/media/file/" ||
      (req.url !~ "^/api(/|\?|$)" &&
       req.url ~ "^/($|\?|robots\.txt|etw-site\.css|etw-icon\.svg|sitemap[^/]*\.xml|[a-z]{2,3}(-[a-z0-9]{2,8})?($|[/?]))")) {
    # Public, anonymous answers: credentials never change them, and must not split the cache.
    unset req.http.cookie;
    unset req.http.authorization;
    return (hash);
  }
  return (pass);
}

sub vcl_backend_response {
  set beresp.http.x-etw-url = bereq.url;
  # Kept a day past their lifetime: a copy to revalidate with If-None-Match.
  set beresp.keep = 1d;
  # While the CMS fails, a background refresh keeps the copy it has (stale-if-error).
  if (beresp.status >= 500 && bereq.is_bgfetch) {
    return (abandon);
  }
}

sub vcl_deliver {
  unset resp.http.x-etw-url;
}
