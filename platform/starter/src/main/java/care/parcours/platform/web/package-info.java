/**
 * HTTP plumbing shared by every service: correlation ids, request size limits,
 * pagination, the version an edit names in {@code If-Match}.
 */
@NullMarked
package care.parcours.platform.web;

import org.jspecify.annotations.NullMarked;
