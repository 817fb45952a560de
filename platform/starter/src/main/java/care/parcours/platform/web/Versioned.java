package care.parcours.platform.web;

import java.net.URI;

import org.springframework.http.ResponseEntity;

/**
 * An answer about a versioned resource: its body with the version as a strong
 * {@code ETag}, {@code "3"}, the one tag {@code If-Match} takes back as an
 * {@code ExpectedVersion} (docs/adr/0004-if-match.md). Every read, create and edit of
 * such a resource answers through here, so the tag is written one way.
 */
public final class Versioned {

	private Versioned() {
	}

	/** 200 with the resource as it is at {@code version}. */
	public static <T> ResponseEntity<T> ok(long version, T body) {
		return ResponseEntity.ok().eTag(Long.toString(version)).body(body);
	}

	/** 201 naming where the new resource is, with its first version. */
	public static <T> ResponseEntity<T> created(URI location, long version, T body) {
		return ResponseEntity.created(location).eTag(Long.toString(version)).body(body);
	}

}
