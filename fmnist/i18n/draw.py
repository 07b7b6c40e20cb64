"""Text of the Draw & upload page."""

TEXT = {
    "draw.title": ("Draw or upload a garment", "옷을 그리거나 올려 보세요"),
    "draw.intro": (
        "Your own garment, and what the models think of it. The models learned from 28x28 greyscale photos of "
        "clothing, light on black: whatever you give them is turned into such a picture first, and you see it.",
        "내 옷을 모델은 어떻게 볼까요? 모델은 검은 바탕에 밝게 찍힌 28x28 흑백 옷 사진으로 배웠습니다. "
        "무엇을 주든 먼저 그런 그림으로 바꾸고, 그 그림을 보여 드립니다.",
    ),
    "draw.tab_draw": ("Draw one garment", "옷 하나 그리기"),
    "draw.tab_four": ("Draw up to four (2x2)", "최대 넷 그리기(2x2)"),
    "draw.tab_upload": ("Upload a picture", "사진 올리기"),
    "draw.tab_camera": ("Take a photo", "사진 찍기"),

    # Drawing
    "draw.tool": ("Tool", "도구"),
    "draw.tool_pen": ("pen", "펜"),
    "draw.tool_eraser": ("eraser", "지우개"),
    "draw.brush": ("Brush size", "붓 크기"),
    "draw.paper": ("Paper", "종이"),
    "draw.paper_dark": ("light on dark, like the dataset", "어두운 바탕에 밝게(데이터셋처럼)"),
    "draw.paper_light": ("dark on light, like paper", "밝은 바탕에 어둡게(종이처럼)"),
    "draw.paper_help": ("On light paper the picture is inverted before the models see it, as the dataset's "
                        "photos were.",
                        "밝은 종이에 그리면 데이터셋의 사진처럼 모델에게 보여 주기 전에 색을 뒤집습니다."),
    "draw.toolbar": ("The buttons at the drawing's top right undo, redo and clear it.",
                     "그림 오른쪽 위의 버튼으로 되돌리기, 다시 하기, 모두 지우기를 할 수 있습니다."),
    "draw.empty": ("Draw a garment in the square: a T-shirt, trousers, a shoe, a bag ... The models answer as soon "
                   "as you lift the pen.",
                   "네모 안에 티셔츠, 바지, 신발, 가방 같은 옷을 그려 보세요. 펜을 떼자마자 모델이 답합니다."),
    "draw.empty_four": ("Draw up to four garments, one in each quadrant of the grid. The models answer as soon as "
                        "you lift the pen.",
                        "격자의 칸마다 하나씩, 옷을 최대 네 개까지 그려 보세요. 펜을 떼자마자 모델이 답합니다."),
    "draw.answer": ("{model} says", "{model}의 답"),
    "draw.seen": ("What the models see (28x28)", "모델이 보는 그림(28x28)"),
    "draw.seen_canvas": ("What the models see (56x56)", "모델이 보는 그림(56x56)"),
    "draw.truth": ("What did you draw?", "무엇을 그렸나요?"),
    "draw.truth_none": ("I won't say", "말하지 않을래요"),
    "draw.truth_help": ("Say what it is and the bars take the tutorial's colours: blue for the truth, red for a "
                        "wrong answer.",
                        "무엇인지 알려 주면 막대가 튜토리얼의 색을 띱니다. 파랑은 정답, 빨강은 틀린 답입니다."),
    "draw.right": ("Right!", "맞았어요!"),
    "draw.wrong": ("Not this time: it says {predicted}.", "이번엔 틀렸어요. 모델의 답: {predicted}."),
    "draw.bars_caption": ("The ten bars are the ten classes, in the dataset's order; the tallest is the answer.",
                          "막대 10개는 데이터셋 순서대로 10개 클래스입니다. 가장 높은 막대가 답입니다."),

    # Upload and camera
    "draw.upload": ("A picture of one garment (PNG, JPEG, WebP, BMP or GIF, up to {limit} MB)",
                    "옷 하나가 찍힌 사진(PNG, JPEG, WebP, BMP, GIF, 최대 {limit}MB)"),
    "draw.upload_help": ("A product photo works best: one garment, a plain background.",
                         "옷 하나에 단순한 배경의 상품 사진이 가장 잘 됩니다."),
    "draw.upload_empty": ("Upload a picture of one garment, or drag one here.",
                          "옷 하나가 찍힌 사진을 올리거나 여기로 끌어다 놓으세요."),
    "draw.camera": ("Photograph a real garment: lay it flat on a plain background",
                    "단순한 바탕 위에 평평하게 놓은 실제 옷을 찍어 보세요"),
    "draw.camera_empty": ("Point the camera at one garment and take a photo.",
                          "카메라로 옷 하나를 비추고 사진을 찍으세요."),
    "draw.steps": ("From your picture to the model's", "내 그림이 모델의 그림이 되기까지"),
    "draw.steps_caption": ("The steps of the dataset's own conversion of product photos (Xiao et al., 2017).",
                           "데이터셋이 상품 사진을 바꿀 때 쓴 단계 그대로입니다(Xiao 외, 2017)."),
    "draw.step_original": ("your picture", "내 그림"),
    "draw.step_trimmed": ("border trimmed", "가장자리 자르기"),
    "draw.step_negated": ("background taken away: light on black", "배경 빼기: 검은 바탕에 밝게"),
    "draw.step_greyscale": ("greyscale, background black", "흑백, 검은 배경"),
    "draw.step_stretched": ("contrast stretched", "대비 늘리기"),
    "draw.step_resized": ("longest side 28, sharpened", "긴 변을 28로, 선명하게"),
    "draw.step_centred": ("centred on 28x28: what the model sees", "28x28 가운데에: 모델이 보는 그림"),
    "draw.first_frame": ("An animated picture: the first of its {frames} frames is used.",
                         "움직이는 그림입니다. {frames}개 프레임 중 첫 번째를 씁니다."),

    # Bad input
    "draw.rejected_empty": ("The file is empty. Choose a picture file.", "빈 파일입니다. 그림 파일을 고르세요."),
    "draw.rejected_too_big_file": ("The file is {size_mb:.1f} MB; pictures up to {limit_mb:g} MB are accepted.",
                                   "파일이 {size_mb:.1f}MB입니다. {limit_mb:g}MB까지의 그림만 받습니다."),
    "draw.rejected_not_image": ("This file is not a picture the studio can read (PNG, JPEG, WebP, BMP or GIF).",
                                "스튜디오가 읽을 수 있는 그림 파일(PNG, JPEG, WebP, BMP, GIF)이 아닙니다."),
    "draw.rejected_broken": ("The picture is damaged or cut short and cannot be read. Try saving it again.",
                             "그림이 손상되었거나 잘려서 읽을 수 없습니다. 다시 저장해서 올려 보세요."),
    "draw.rejected_too_many_pixels": (
        "The picture claims {width:,} x {height:,} pixels, more than the {limit:,} the studio opens. Use a "
        "smaller picture.",
        "그림이 {width:,} x {height:,} 픽셀이라고 되어 있어, 스튜디오가 여는 {limit:,} 픽셀보다 큽니다. "
        "더 작은 그림을 쓰세요.",
    ),
    "draw.rejected_too_small": ("The picture is only {width} x {height} pixels: too small to show a garment.",
                                "그림이 {width} x {height} 픽셀뿐이라 옷을 담기에는 너무 작습니다."),
    "draw.rejected_blank": ("The picture is blank: there is no garment to see.",
                            "빈 그림입니다. 볼 수 있는 옷이 없습니다."),
    "draw.rejected_other": ("The picture could not be read. Try another one.",
                            "그림을 읽지 못했습니다. 다른 그림으로 해 보세요."),
}
