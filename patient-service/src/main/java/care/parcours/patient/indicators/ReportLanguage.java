package care.parcours.patient.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import care.parcours.platform.domain.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * The languages a report's labels are written in: the network works in French and Dutch,
 * partners abroad read English. {@code ?lang=} wins over {@code Accept-Language}; a
 * language the header asks for that we lack falls to the next it names, then English.
 */
enum ReportLanguage {

	FR, EN, NL;

	private final Map<String, String> labels;

	ReportLanguage() {
		this.labels = read("/indicators/report-labels_" + name().toLowerCase(Locale.ROOT) + ".properties");
	}

	Map<String, String> labels() {
		return labels;
	}

	String label(String key) {
		return labels.getOrDefault(key, key);
	}

	String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The labels live in one properties file per language, beside each other, so that a
	 * translator edits text, not Java.
	 */
	private static Map<String, String> read(String resource) {
		try (InputStream in = ReportLanguage.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("The report labels " + resource + " are missing from the build");
			}
			Properties properties = new Properties();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			Map<String, String> labels = new HashMap<>();
			properties.forEach((key, value) -> labels.put((String) key, (String) value));
			return Map.copyOf(labels);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the report labels " + resource, ex);
		}
	}

	static ReportLanguage of(@Nullable String lang, Enumeration<Locale> accepted) {
		if (lang != null) {
			for (ReportLanguage language : values()) {
				if (language.tag().equalsIgnoreCase(lang)) {
					return language;
				}
			}
			throw InvalidRequestException.naming("unsupported-language", "lang",
					"Reports are written in fr, en or nl, not " + InvalidRequestException.quote(lang) + ".");
		}
		while (accepted.hasMoreElements()) {
			String wanted = accepted.nextElement().getLanguage();
			for (ReportLanguage language : values()) {
				if (language.tag().equals(wanted)) {
					return language;
				}
			}
		}
		return EN;
	}

}
