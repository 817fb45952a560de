package care.parcours.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, as their validated token says: the subject, the client it came through,
 * their roles and, for a partner client, the partner it acts for.
 *
 * @param subject the {@code sub} claim: a person's login or a client's id
 * @param clientId the OAuth2 client the token was issued to, when the token says
 * @param roles the roles the token grants
 * @param partnerId the organisation a partner client acts for; empty for staff
 */
public record Caller(String subject, @Nullable String clientId, Set<String> roles, Optional<UUID> partnerId) {

	/** The caller of the request being handled. */
	public static Caller current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			return of(token);
		}
		throw new IllegalStateException("No authenticated caller: is the endpoint covered by an access rule?");
	}

	static Caller of(JwtAuthenticationToken token) {
		Set<String> roles = token.getAuthorities()
			.stream()
			.map(authority -> authority.getAuthority())
			.filter(authority -> authority.startsWith("ROLE_"))
			.map(authority -> authority.substring("ROLE_".length()))
			.collect(Collectors.toUnmodifiableSet());
		String partner = token.getToken().getClaimAsString(TokenClaims.PARTNER_ID);
		Optional<UUID> partnerId = Optional.empty();
		if (partner != null && roles.contains(Roles.PARTNER)) {
			partnerId = Optional.of(UUID.fromString(partner));
		}
		return new Caller(token.getName(), token.getToken().getClaimAsString(TokenClaims.CLIENT_ID), roles, partnerId);
	}

	/**
	 * Whether the caller acts for a partner organisation rather than for Parcours staff.
	 */
	public boolean isPartner() {
		return partnerId.isPresent();
	}

	public boolean hasRole(String role) {
		return roles.contains(role);
	}

	public boolean hasAnyRole(Collection<String> wanted) {
		return wanted.stream().anyMatch(roles::contains);
	}

	/**
	 * Whether this caller may see a resource that concerns the given partners: staff may
	 * see all; a partner only what concerns its own organisation. Services answer a
	 * resource the caller may not see as if it did not exist (404), so that ids cannot be
	 * probed.
	 */
	public boolean maySee(Collection<UUID> concerned) {
		return partnerId.isEmpty() || concerned.contains(partnerId.get());
	}

	/** {@link #maySee(Collection)} for a resource of at most one partner. */
	public boolean maySee(@Nullable UUID concerned) {
		return maySee(concerned == null ? List.of() : List.of(concerned));
	}

	/**
	 * Which partner's items a list shows: a partner system sees its own organisation's,
	 * whatever it asks for, and nothing when it asks for another's; staff see those of
	 * the partner they ask for, or of every partner. Empty when that rule alone leaves
	 * the list empty.
	 * @param asked the partner the request names, if any
	 */
	public Optional<ListedPartner> listedPartner(@Nullable UUID asked) {
		if (isPartner() && asked != null && !maySee(asked)) {
			return Optional.empty();
		}
		return Optional.of(new ListedPartner(partnerId.orElse(asked)));
	}

	/**
	 * The partner a list is narrowed to.
	 *
	 * @param id the partner, or {@code null} for every partner
	 */
	public record ListedPartner(@Nullable UUID id) {

	}

}
