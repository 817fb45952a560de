/**
 * HTTP plumbing shared by every service: correlation ids, request size limits,
 * pagination.
 */
@NullMarked
package care.parcours.platform.web;

import org.jspecify.annotations.NullMarked;
