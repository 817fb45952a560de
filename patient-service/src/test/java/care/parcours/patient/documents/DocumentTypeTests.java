package care.parcours.patient.documents;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentTypeTests {

	@Test
	void pdfJpegAndPngAreToldApartByTheirBytes() {
		assertThat(DocumentType.of(SampleFiles.pdf())).contains(DocumentType.PDF);
		assertThat(DocumentType.of(SampleFiles.png())).contains(DocumentType.PNG);
		assertThat(DocumentType.of(SampleFiles.jpeg())).contains(DocumentType.JPEG);
	}

	@Test
	void textExecutablesAndUnknownBytesAreNoneOfThem() {
		assertThat(DocumentType.of("Not a PDF at all, only text.\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
		assertThat(DocumentType.of(SampleFiles.windowsExecutable())).isEmpty();
		assertThat(DocumentType.of(SampleFiles.elfExecutable())).isEmpty();
		assertThat(DocumentType.of(new byte[] { 1, 2, 3, 4, 5 })).isEmpty();
	}

}
