package care.parcours.patient.documents;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxSize the largest document accepted; larger ones get a 413
 * @param directory where documents are kept; blank keeps them in PostgreSQL
 */
@ConfigurationProperties("parcours.patient.documents")
record DocumentProperties(@DefaultValue("10MB") DataSize maxSize, @Nullable Path directory) {

}
