package care.parcours.local;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Derives one database's URL from a server's administrative JDBC URL. */
final class JdbcUrls {

	private JdbcUrls() {
	}

	/**
	 * {@code jdbc:postgresql://db:5432/postgres?sslmode=require&user=x} with database
	 * {@code parcours_partner} gives
	 * {@code jdbc:postgresql://db:5432/parcours_partner?sslmode=require}: connection
	 * parameters are kept, credentials dropped (the services receive them separately).
	 */
	static String withDatabase(String adminJdbcUrl, String database) {
		int query = adminJdbcUrl.indexOf('?');
		String base = (query < 0) ? adminJdbcUrl : adminJdbcUrl.substring(0, query);
		String parameters = (query < 0) ? ""
				: Arrays.stream(adminJdbcUrl.substring(query + 1).split("&"))
					.filter((pair) -> !pair.isEmpty() && !isCredential(pair))
					.collect(Collectors.joining("&"));
		String hostAndPort = base.substring("jdbc:postgresql://".length());
		int slash = hostAndPort.indexOf('/');
		String server = (slash < 0) ? hostAndPort : hostAndPort.substring(0, slash);
		return "jdbc:postgresql://" + server + "/" + database + (parameters.isEmpty() ? "" : "?" + parameters);
	}

	/** A parameter of the URL's query, such as {@code user}. */
	static Optional<String> parameter(String jdbcUrl, String name) {
		int query = jdbcUrl.indexOf('?');
		if (query < 0) {
			return Optional.empty();
		}
		return Arrays.stream(jdbcUrl.substring(query + 1).split("&"))
			.map((pair) -> pair.split("=", 2))
			.filter((pair) -> pair.length == 2 && pair[0].equals(name))
			.map((pair) -> pair[1])
			.findFirst();
	}

	private static boolean isCredential(String pair) {
		String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
		return name.equals("user") || name.equals("password");
	}

}
