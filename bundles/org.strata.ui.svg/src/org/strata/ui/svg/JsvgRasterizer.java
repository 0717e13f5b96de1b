package org.strata.ui.svg;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.internal.image.SVGRasterizer;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.geometry.size.FloatSize;
import com.github.weisj.jsvg.parser.SVGLoader;

/**
 * SWT's SVG rasterizer service, on JSVG. JFace (3.37 and later) ships its dialog and decoration icons as
 * SVG and requires the capability {@code eclipse.swt; image.format=svg}, which upstream's
 * {@code org.eclipse.swt.svg} provides; that bundle is not on Maven Central, so this fragment of
 * {@code org.eclipse.swt} provides the capability and the service (found by SWT's {@code ServiceLoader}
 * through the host's class loader).
 */
@SuppressWarnings("restriction")
public final class JsvgRasterizer implements SVGRasterizer {
    @Override
    public ImageData rasterizeSVG(InputStream stream, int zoom) {
        SVGDocument doc = load(stream);
        FloatSize size = doc.size();
        double scale = zoom / 100.0;
        return render(doc, (int) Math.ceil(size.width * scale), (int) Math.ceil(size.height * scale), scale, scale);
    }

    @Override
    public ImageData rasterizeSVG(InputStream stream, int width, int height) {
        SVGDocument doc = load(stream);
        FloatSize size = doc.size();
        return render(doc, width, height, width / Math.max(1e-6, size.width), height / Math.max(1e-6, size.height));
    }

    private static SVGDocument load(InputStream stream) {
        SVGDocument doc;
        try (InputStream in = stream) {
            doc = new SVGLoader().load(in);
        } catch (IOException e) {
            SWT.error(SWT.ERROR_INVALID_IMAGE, e, " [SVG could not be read]");
            return null;
        }
        if (doc == null) SWT.error(SWT.ERROR_INVALID_IMAGE, null, " [not a valid SVG document]");
        return doc;
    }

    private static ImageData render(SVGDocument doc, int width, int height, double sx, double sy) {
        int w = Math.max(1, width);
        int h = Math.max(1, height);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(sx, sy);
            doc.render((java.awt.Component) null, g, null);
        } finally {
            g.dispose();
        }
        ImageData data = new ImageData(w, h, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        byte[] alpha = new byte[w * h];
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = argb[y * w + x];
                data.setPixel(x, y, p & 0xFFFFFF);
                alpha[y * w + x] = (byte) (p >>> 24);
            }
        }
        data.alphaData = alpha;
        return data;
    }
}
