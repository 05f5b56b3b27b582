package io.wrench.api.workorder;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.config.WrenchProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkOrderQrHttpTest extends WorkOrderTestSupport {

    @Autowired
    private WrenchProperties properties;

    @Test
    void the_qr_code_is_a_png_of_the_work_orders_url() throws Exception {
        String id = newWorkOrder();

        Api.Response qr = api.as(Role.TECHNICIAN).get("/api/work-orders/" + id + "/qr");

        assertThat(qr.status()).isEqualTo(200);
        assertThat(qr.header("Content-Type")).isEqualTo("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(qr.bytes()));
        assertThat(image.getWidth()).isEqualTo(256);
        assertThat(decode(image)).isEqualTo(properties.getPublicBaseUrl() + "/api/work-orders/" + id);
    }

    @Test
    void the_size_can_be_chosen_within_bounds() throws Exception {
        String id = newWorkOrder();

        BufferedImage large = ImageIO.read(new ByteArrayInputStream(
                api.as(Role.ADVISOR).get("/api/work-orders/" + id + "/qr?size=512").bytes()));

        assertThat(large.getWidth()).isEqualTo(512);
        assertThat(decode(large)).endsWith("/api/work-orders/" + id);
        assertThat(api.as(Role.ADVISOR).get("/api/work-orders/" + id + "/qr?size=10").status()).isEqualTo(400);
    }

    @Test
    void there_is_no_qr_code_for_an_unknown_work_order() {
        assertThat(api.as(Role.ADVISOR).get("/api/work-orders/" + uuid() + "/qr").status()).isEqualTo(404);
        String customer = newCustomer(unique("Not A Work Order"));
        assertThat(api.as(Role.ADVISOR).get("/api/work-orders/" + customer + "/qr").status()).isEqualTo(404);
        assertThat(api.anonymous().get("/api/work-orders/" + uuid() + "/qr").status()).isEqualTo(401);
    }

    /** Read as what it is, a generated image (ZXing's camera-oriented detector misses ~2 % of clean images). */
    private static String decode(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
