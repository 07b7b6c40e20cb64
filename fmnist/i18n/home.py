"""Text of the Home page."""

TEXT = {
    "home.title": ("Fashion-MNIST Studio", "패션 MNIST 스튜디오"),
    "home.intro": (
        "Learn image classification with 70,000 small pictures of clothing. "
        "Browse the garments, build your own composite images, train two neural networks "
        "and watch them answer.",
        "옷 사진 70,000장으로 이미지 분류를 배워 봅니다. "
        "옷을 둘러보고, 합성 이미지를 직접 만들고, 두 개의 신경망을 학습시켜 "
        "어떻게 답하는지 살펴보세요.",
    ),
    "home.teaches": ("What the studio teaches", "이 스튜디오에서 배우는 것"),
    "home.point_data": (
        "**The data**: 60,000 training and 10,000 test images, 28x28 pixels, ten classes.",
        "**데이터**: 학습용 60,000장, 테스트용 10,000장, 28x28 픽셀, 10개 클래스.",
    ),
    "home.point_composite": (
        "**Composite images**: garments placed in the four quadrants of a 56x56 canvas.",
        "**합성 이미지**: 56x56 캔버스의 네 칸(사분면)에 옷을 배치합니다.",
    ),
    "home.point_models": (
        "**Multi-class vs multi-label**: a softmax model names *the one* garment on a canvas; "
        "a multi-label model says *for each class* whether it is there (ten independent probabilities, "
        "each against a threshold).",
        "**다중 클래스와 다중 레이블**: 소프트맥스 모델은 캔버스의 옷 *하나*를 맞히고, "
        "다중 레이블 모델은 *클래스마다* 있는지 없는지를 답합니다(서로 독립인 확률 10개를 "
        "각각 임계값과 비교).",
    ),
    "home.lesson_link": ("Start here: the lesson", "수업부터 시작하세요"),
    "home.lesson": ("Both original notebooks as one path, from the data to a model's answer: on your own, or "
                    "following your teacher with a class code.",
                    "두 원본 노트북을 하나로 이어서 따라가며 데이터에서 모델의 답까지 갑니다. 혼자 하거나, 수업 코드로 "
                    "선생님을 따라갈 수 있습니다."),
    "home.pages": ("Pages", "페이지"),
    "home.browse": ("See the dataset by class, the normalisations and the mean garment.",
                    "클래스별 데이터, 정규화, 평균 이미지를 살펴봅니다."),
    "home.compose": ("Insert garments into a 2x2 canvas with sliders.",
                     "슬라이더로 2x2 캔버스에 옷을 넣어 봅니다."),
    "home.train": ("Use the shipped models or train your own, and watch the curves.",
                   "기본 제공 모델을 쓰거나 직접 학습시키며 학습 곡선을 봅니다."),
    "home.predict": ("The tutorial's blue and red charts, how good each model is, softmax against multi-label, "
                     "and where a model looked.",
                     "튜토리얼의 파랑·빨강 차트, 모델별 성능, 소프트맥스와 다중 레이블의 차이, 모델이 본 곳을 봅니다."),
    "home.draw": ("Draw a garment, upload a photo or take one, and watch the bars.",
                  "옷을 그리거나, 사진을 올리거나 찍어서 막대그래프를 봅니다."),
    "home.facts": ("{train:,} training images · {test:,} test images · {classes} classes",
                   "학습 이미지 {train:,}장 · 테스트 이미지 {test:,}장 · 클래스 {classes}개"),
    "home.classes": ("The ten classes", "10개 클래스"),
}
