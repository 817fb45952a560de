package care.parcours.patient.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

/** Small files of each type, made here rather than checked in. */
final class SampleFiles {

	private SampleFiles() {
	}

	/** A one-page PDF, written out by hand. */
	static byte[] pdf() {
		return """
				%PDF-1.4
				1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
				2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
				3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
				trailer << /Root 1 0 R >>
				%%EOF
				""".getBytes(StandardCharsets.US_ASCII);
	}

	static byte[] png() {
		return image("png");
	}

	static byte[] jpeg() {
		return image("jpg");
	}

	/** The start of a Windows executable: the MZ header and the DOS stub. */
	static byte[] windowsExecutable() {
		byte[] exe = new byte[512];
		exe[0] = 'M';
		exe[1] = 'Z';
		exe[2] = (byte) 0x90;
		byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(stub, 0, exe, 0x4E, stub.length);
		exe[0x3C] = (byte) 0x80;
		exe[0x80] = 'P';
		exe[0x81] = 'E';
		return exe;
	}

	/** The start of a Linux executable. */
	static byte[] elfExecutable() {
		byte[] elf = new byte[64];
		elf[0] = 0x7F;
		elf[1] = 'E';
		elf[2] = 'L';
		elf[3] = 'F';
		elf[4] = 2;
		elf[5] = 1;
		elf[6] = 1;
		elf[16] = 2;
		return elf;
	}

	/** Bytes of a PDF's size past {@code size}: its header, then filler. */
	static byte[] pdfOfSize(int size) {
		byte[] pdf = Arrays.copyOf(pdf(), size);
		Arrays.fill(pdf, pdf().length, size, (byte) ' ');
		return pdf;
	}

	private static byte[] image(String format) {
		BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 3, 0x3366CC);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
