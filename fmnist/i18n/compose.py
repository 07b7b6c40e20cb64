"""Text of the Compose page."""

TEXT = {
    "compose.title": ("Compose images", "합성 이미지 만들기"),
    "compose.intro": (
        "Insert garments into a 56x56 canvas: a 2x2 grid of 28x28 quadrants, numbered "
        "0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right. One garment makes a "
        "multi-class question (which class is it?); up to four make a multi-label one "
        "(which classes are there?).",
        "56x56 캔버스에 옷을 넣어 봅니다. 캔버스는 28x28 칸 네 개로 된 2x2 격자이고, "
        "0 왼쪽 위, 1 오른쪽 위, 2 왼쪽 아래, 3 오른쪽 아래로 번호를 붙입니다. 옷이 하나면 "
        "다중 클래스 문제(어떤 클래스인가?), 최대 넷이면 다중 레이블 문제(어떤 클래스들이 있는가?)가 됩니다.",
    ),
    "compose.split": ("Garments from", "옷을 가져올 세트"),
    "compose.split_test": ("test set", "테스트 세트"),
    "compose.split_train": ("training set", "학습 세트"),
    "compose.split_help": ("Test images were never shown to the models during training: the fair "
                           "choice for asking them.",
                           "테스트 이미지는 학습 중에 모델이 본 적이 없어서, 모델에게 물어보기에 공정합니다."),
    "compose.quadrant_0": ("↖ 0 top-left", "↖ 0 왼쪽 위"),
    "compose.quadrant_1": ("↗ 1 top-right", "↗ 1 오른쪽 위"),
    "compose.quadrant_2": ("↙ 2 bottom-left", "↙ 2 왼쪽 아래"),
    "compose.quadrant_3": ("↘ 3 bottom-right", "↘ 3 오른쪽 아래"),

    # Single
    "compose.single": ("One garment (multi-class)", "옷 하나(다중 클래스)"),
    "compose.single_intro": ("The original notebook's `expand_4times`: one garment in one quadrant; the label is its class.",
                             "원본 노트북의 `expand_4times`: 옷 하나를 한 칸에 넣고, 레이블은 그 옷의 클래스입니다."),
    "compose.class": ("Class", "클래스"),
    "compose.rank": ("Which {name} (0 = the first in the set)", "몇 번째 {name}(0 = 세트의 첫 번째)"),
    "compose.random_garment": ("Random garment", "무작위 옷"),
    "compose.quadrant": ("Quadrant", "칸(사분면)"),
    "compose.single_label": ("Label: **{label} {name}** · quadrant {quadrant} · image #{index} of the {split}",
                             "레이블: **{label} {name}** · {quadrant}번 칸 · {split}의 이미지 #{index}"),
    "compose.canvas_alt": ("A 56x56 canvas with garments in its quadrants", "칸마다 옷이 들어간 56x56 캔버스"),

    # Multi
    "compose.multi": ("Up to four garments (multi-label)", "옷 최대 네 개(다중 레이블)"),
    "compose.multi_intro": ("The original notebook's `expand_4times2`: 0-4 garments in distinct quadrants; the label "
                            "is multi-hot, one box per class, 1 when the class is on the canvas.",
                            "원본 노트북의 `expand_4times2`: 옷 0-4개를 서로 다른 칸에 넣습니다. 레이블은 "
                            "멀티-핫으로, 클래스마다 한 자리이며 캔버스에 그 클래스가 있으면 1입니다."),
    "compose.count": ("Number of garments", "옷 개수"),
    "compose.seed": ("Random seed", "시드"),
    "compose.seed_help": ("The same seed draws the same garments and places: a canvas you can rebuild.",
                          "같은 시드는 같은 옷과 같은 위치를 뽑습니다. 언제든 같은 캔버스를 다시 만들 수 있습니다."),
    "compose.garment_class": ("Garment {number}: class", "옷 {number}: 클래스"),
    "compose.garment_quadrant": ("Garment {number}: quadrant", "옷 {number}: 칸"),
    "compose.any_class": ("random class", "무작위 클래스"),
    "compose.random_place": ("random placement", "무작위 위치"),
    "compose.clash": ("Garments {garments} are all in quadrant {quadrant}. Each quadrant holds one "
                      "garment: pick another quadrant or \"random placement\".",
                      "옷 {garments}번이 모두 같은 칸({quadrant})에 있습니다. 한 칸에는 옷 하나만 들어갑니다. "
                      "다른 칸이나 \"무작위 위치\"를 고르세요."),
    "compose.empty_canvas": ("No garments: an empty canvas, and every box of the label is 0.",
                             "옷이 없는 빈 캔버스입니다. 레이블의 모든 자리가 0입니다."),
    "compose.multi_hot": ("Multi-hot label", "멀티-핫 레이블"),
    "compose.placement": ("Which garment sits where", "어느 칸에 어떤 옷이"),
    "compose.col_quadrant": ("Quadrant", "칸"),
    "compose.col_garment": ("Garment", "옷"),
    "compose.col_image": ("Image", "이미지"),
    "compose.empty": ("empty", "비어 있음"),

    # Actions
    "compose.download_png": ("⬇ PNG 56x56", "⬇ PNG 56x56"),
    "compose.send": ("➜ Send to prediction", "➜ 예측으로 보내기"),

    # Gallery
    "compose.gallery": ("A generated set", "생성된 세트"),
    "compose.gallery_intro": ("Canvases drawn at random, as a training set for the multi-label model is made.",
                              "다중 레이블 모델의 학습 세트를 만들 때처럼 무작위로 뽑은 캔버스들입니다."),
    "compose.set_size": ("Canvases in the set", "세트의 캔버스 수"),
    "compose.set_seed": ("Set seed", "세트 시드"),
    "compose.filter_count": ("Show canvases with this many garments (the original notebook's `filter2`)",
                             "이 개수의 옷이 든 캔버스 보기(원본 노트북의 `filter2`)"),
    "compose.gallery_caption": ("{shown} of the {total:,} canvases whose garment count is {count}, out of {size:,}.",
                                "옷이 {count}개인 캔버스 {total:,}장 중 {shown}장(전체 {size:,}장)."),
    "compose.gallery_none": ("No canvas in this set has a garment count of {count}.", "이 세트에는 옷이 {count}개인 캔버스가 없습니다."),
    "compose.dist_counts": ("Garments per canvas", "캔버스당 옷 개수"),
    "compose.dist_counts_x": ("garments", "옷 개수"),
    "compose.dist_classes": ("Garments of each class placed", "클래스별로 배치된 옷"),
    "compose.dist_canvases": ("canvases", "캔버스 수"),
    "compose.dist_garments": ("garments", "옷 수"),
    "compose.dist_caption": ("Each count 0-4 is equally likely, and garments are drawn from the whole "
                             "set, so every class appears about equally often.",
                             "옷 개수 0-4는 모두 같은 확률이고, 옷은 세트 전체에서 뽑으므로 모든 클래스가 "
                             "비슷한 횟수로 나타납니다."),
    "compose.download_set": ("⬇ The set as NumPy .npz ({size})", "⬇ 세트를 NumPy .npz로({size})"),
    "compose.download_set_help": ("images (n, 56, 56) uint8, labels (n, 10) multi-hot, sources (n, 4) "
                                  "image numbers, -1 where empty. Open with numpy.load.",
                                  "images: (n, 56, 56) uint8, labels: (n, 10) 멀티-핫, sources: (n, 4) "
                                  "이미지 번호(빈 칸은 -1). numpy.load로 엽니다."),
}
