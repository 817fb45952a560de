package care.parcours.patient.documents;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Documents' limits and where they are kept (a {@link DocumentStore} chosen by
 * {@code parcours.patient.documents.directory}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DocumentProperties.class)
class DocumentConfiguration {

	/** Room for the multipart framing and the other fields around the file. */
	private static final DataSize FRAMING = DataSize.ofKilobytes(64);

	/**
	 * Uploads are bounded here rather than by the platform's JSON body limit: the file to
	 * the documents' limit, the request to that and its framing. Parts stay in memory up
	 * to that size (the threshold), so a document is never written in clear to a
	 * temporary file.
	 */
	@Bean
	MultipartConfigElement multipartConfigElement(DocumentProperties properties) {
		long file = properties.maxSize().toBytes();
		long request = file + FRAMING.toBytes();
		return new MultipartConfigElement("", file, request, (int) Math.min(Integer.MAX_VALUE, request));
	}

}
