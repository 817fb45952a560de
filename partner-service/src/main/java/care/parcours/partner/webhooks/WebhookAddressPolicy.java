package care.parcours.partner.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import care.parcours.platform.domain.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * Which URLs deliveries may go to. Webhooks make this service send requests wherever a
 * partner says, so an endpoint must be a public https address: never this host, the
 * private network, link-local addresses (cloud metadata lives at 169.254.169.254) or
 * reserved ranges. The host is resolved, because a public name can point at a private
 * address, and resolved again before each delivery, because DNS answers change.
 * <p>
 * The local platform allows plain http to loopback addresses, where its demo receivers
 * listen.
 */
public final class WebhookAddressPolicy {

	/** Resolves a host name to its addresses; the system resolver outside tests. */
	@FunctionalInterface
	public interface Resolver {

		List<InetAddress> resolve(String host) throws UnknownHostException;

	}

	private final boolean allowLoopback;

	private final Resolver resolver;

	public WebhookAddressPolicy(boolean allowLoopback, Resolver resolver) {
		this.allowLoopback = allowLoopback;
		this.resolver = resolver;
	}

	public static WebhookAddressPolicy system(boolean allowLoopback) {
		return new WebhookAddressPolicy(allowLoopback, host -> List.of(InetAddress.getAllByName(host)));
	}

	/**
	 * The URL as deliveries will use it.
	 * @throws InvalidRequestException naming the {@code url} field and what is wrong
	 */
	public URI requireAcceptable(String url) {
		URI uri = parse(url);
		String refusal = refusal(uri);
		if (refusal != null) {
			throw InvalidRequestException.ofField("url", refusal);
		}
		return uri;
	}

	/**
	 * Why a delivery to this URL must not be sent now, or null when it may: the check
	 * made at registration, against today's DNS answers.
	 */
	public @Nullable String refusal(URI uri) {
		String host = uri.getHost();
		boolean https = "https".equals(uri.getScheme());
		if (!https && !allowLoopback) {
			return "must use https";
		}
		List<InetAddress> addresses;
		try {
			addresses = resolver.resolve(host);
		}
		catch (UnknownHostException ex) {
			return "names a host that does not resolve";
		}
		if (addresses.isEmpty()) {
			return "names a host that does not resolve";
		}
		boolean loopback = addresses.stream().allMatch(InetAddress::isLoopbackAddress);
		if (loopback && allowLoopback) {
			return null;
		}
		if (!https) {
			return "must use https (plain http is accepted for loopback addresses in local mode only)";
		}
		if (!addresses.stream().allMatch(WebhookAddressPolicy::isPublic)) {
			return "points at a private, loopback, link-local or reserved address";
		}
		return null;
	}

	private static URI parse(String url) {
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw InvalidRequestException.ofField("url", "is not a URL");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
			throw InvalidRequestException.ofField("url",
					"must be an absolute https URL such as https://example.org/hooks");
		}
		if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
			throw InvalidRequestException.ofField("url", "must not carry credentials or a fragment");
		}
		return uri;
	}

	/** Whether an address belongs to the public internet. */
	static boolean isPublic(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] b = address.getAddress();
		if (address instanceof Inet4Address) {
			return isPublicIpv4(b);
		}
		if (address instanceof Inet6Address) {
			int first = b[0] & 0xff;
			// fc00::/7 unique local, 2001:db8::/32 documentation.
			if ((first & 0xfe) == 0xfc || (first == 0x20 && b[1] == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8)) {
				return false;
			}
			// 64:ff9b::/96 (NAT64) and 2002::/16 (6to4) embed an IPv4 address: judge
			// that.
			if (first == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
				return isPublicIpv4(new byte[] { b[12], b[13], b[14], b[15] });
			}
			if (first == 0x20 && b[1] == 0x02) {
				return isPublicIpv4(new byte[] { b[2], b[3], b[4], b[5] });
			}
			return true;
		}
		return false;
	}

	private static boolean isPublicIpv4(byte[] b) {
		int address = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
		return RESERVED_IPV4.stream().noneMatch(range -> range.contains(address));
	}

	/** The IPv4 ranges of RFC 6890 that are not the public internet. */
	private static final List<Cidr> RESERVED_IPV4 = List.of(Cidr.of(0, 0, 0, 0, 8), // this
																					// network
			Cidr.of(10, 0, 0, 0, 8), Cidr.of(172, 16, 0, 0, 12), Cidr.of(192, 168, 0, 0, 16), // private
			Cidr.of(100, 64, 0, 0, 10), // carrier-grade NAT
			Cidr.of(127, 0, 0, 0, 8), // loopback
			Cidr.of(169, 254, 0, 0, 16), // link-local, where cloud metadata services
											// answer
			Cidr.of(192, 0, 0, 0, 24), Cidr.of(192, 0, 2, 0, 24), Cidr.of(198, 51, 100, 0, 24),
			Cidr.of(203, 0, 113, 0, 24), // IETF protocol assignments, documentation
			Cidr.of(198, 18, 0, 0, 15), // benchmarking
			Cidr.of(224, 0, 0, 0, 3)); // multicast, reserved, broadcast

	private record Cidr(int network, int prefix) {

		static Cidr of(int a, int b, int c, int d, int prefix) {
			return new Cidr((a << 24) | (b << 16) | (c << 8) | d, prefix);
		}

		boolean contains(int address) {
			int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
			return (address & mask) == (network & mask);
		}

	}

}
