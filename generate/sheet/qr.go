package sheet

import (
	"fmt"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode/decoder"
	"github.com/makiuchi-d/gozxing/qrcode/encoder"
)

// QR returns the modules of payload's QR code, version 2 (25 × 25) at
// error-correction level Q (a quarter of the code may be lost to blur, noise
// or a stray mark), row by row: true is dark. Every sheet's code
// has the same size, so the layout does not depend on the payload.
func QR(payload string) ([][]bool, error) {
	hints := map[gozxing.EncodeHintType]interface{}{gozxing.EncodeHintType_QR_VERSION: 2}
	code, err := encoder.Encoder_encode(payload, decoder.ErrorCorrectionLevel_Q, hints)
	if err != nil {
		return nil, fmt.Errorf("qr code for %q: %w", payload, err)
	}
	m := code.GetMatrix()
	out := make([][]bool, m.GetHeight())
	for y := range out {
		out[y] = make([]bool, m.GetWidth())
		for x := range out[y] {
			out[y][x] = m.Get(x, y) == 1
		}
	}
	return out, nil
}
