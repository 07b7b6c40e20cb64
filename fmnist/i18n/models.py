"""Names of the three models and their headline figures (sidebar, Train page, prediction pages)."""

TEXT = {
    "model.dense": ("Tutorial model (dense)", "튜토리얼 모델(완전 연결)"),
    "model.single": ("One garment (softmax)", "옷 하나(소프트맥스)"),
    "model.multi": ("Several garments (multi-label)", "옷 여러 개(다중 레이블)"),
    "model.about_dense": (
        "The TensorFlow tutorial's network: Flatten, Dense(128), Dense(10) on one 28x28 garment.",
        "텐서플로 튜토리얼의 신경망입니다. 28x28 옷 이미지 한 장을 Flatten, Dense(128), Dense(10)에 통과시킵니다.",
    ),
    "model.about_single": (
        "A CNN on the 56x56 canvas with one garment in any quadrant: a softmax names that garment.",
        "56x56 캔버스의 아무 칸에 놓인 옷 하나를 보는 CNN: 소프트맥스로 그 옷의 이름을 답합니다.",
    ),
    "model.about_multi": (
        "A CNN on the 56x56 canvas with 0-4 garments: for each class, the probability that it is in "
        "at least one quadrant; the ten need not sum to 1, and a threshold decides.",
        "옷이 0-4개 놓인 56x56 캔버스를 보는 CNN: 클래스마다 적어도 한 칸에 있을 확률을 답합니다. "
        "10개 확률의 합이 1일 필요는 없고, 임계값으로 판정합니다.",
    ),
    "model.metric_accuracy": ("accuracy {value:.1%}", "정확도 {value:.1%}"),
    "model.metric_exact_match": ("exact match {value:.1%}", "완전 일치율 {value:.1%}"),
    "model.metric_unknown": ("no test figures", "테스트 결과 없음"),
    "model.accuracy": ("Test accuracy", "테스트 정확도"),
    "model.exact_match": ("Exact match", "완전 일치율"),
    "model.micro_f1": ("Micro-F1", "마이크로 F1"),
    "model.threshold": ("Decision threshold", "판정 임계값"),
    "model.by_count": ("Exact match by number of garments: {counts}",
                       "옷 개수별 완전 일치율: {counts}"),
    "model.test_images": ("on {count:,} test images", "테스트 이미지 {count:,}장 기준"),
    "model.minutes": ("{m} min {s:02d} s", "{m}분 {s}초"),
    "model.seconds": ("{s} s", "{s}초"),
}
