"""Names of the three models and their headline figures (sidebar, Train page, prediction pages)."""

TEXT = {
    "model.dense": ("Tutorial model (dense)", "튜토리얼 모델 (dense)"),
    "model.single": ("One garment (softmax)", "옷 하나 (소프트맥스)"),
    "model.multi": ("Several garments (sigmoid)", "옷 여러 개 (시그모이드)"),
    "model.about_dense": (
        "The TensorFlow tutorial's network: Flatten, Dense(128), Dense(10) on one 28x28 garment.",
        "텐서플로 튜토리얼의 신경망: 28x28 옷 한 장에 Flatten, Dense(128), Dense(10).",
    ),
    "model.about_single": (
        "A CNN on the 56x56 canvas with one garment in any quadrant: a softmax names that garment.",
        "56x56 캔버스의 아무 칸에 놓인 옷 하나를 보는 CNN: 소프트맥스로 그 옷의 이름을 답합니다.",
    ),
    "model.about_multi": (
        "A CNN on the 56x56 canvas with 0-4 garments: ten sigmoids say for each class whether it is there.",
        "옷이 0-4개 놓인 56x56 캔버스를 보는 CNN: 시그모이드 10개가 클래스마다 있는지 없는지 답합니다.",
    ),
    "model.metric_accuracy": ("accuracy {value:.1%}", "정확도 {value:.1%}"),
    "model.metric_exact_match": ("exact match {value:.1%}", "완전 일치 {value:.1%}"),
    "model.metric_unknown": ("no test figures", "테스트 결과 없음"),
    "model.accuracy": ("Test accuracy", "테스트 정확도"),
    "model.exact_match": ("Exact match", "완전 일치율"),
    "model.micro_f1": ("Micro-F1", "마이크로 F1"),
    "model.threshold": ("Decision threshold", "판정 임계값"),
    "model.by_count": ("Exact match by number of garments: {counts}",
                       "옷 개수별 완전 일치율: {counts}"),
    "model.test_images": ("on {count:,} test images", "테스트 이미지 {count:,}장 기준"),
    "model.minutes": ("{m} min {s:02d} s", "{m}분 {s:02d}초"),
    "model.seconds": ("{s} s", "{s}초"),
}
