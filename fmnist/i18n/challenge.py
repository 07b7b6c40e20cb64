"""Text of the class challenge (the Lesson's last step). Korean follows ``fmnist/i18n/_glossary.py``."""

TEXT = {
    "challenge.nickname": ("Nickname", "닉네임"),
    "challenge.nickname_help": ("Shown on the class's board. Up to 24 characters, no real name needed.",
                                "수업 순위표에 보입니다. 최대 24자이며, 실명이 아니어도 됩니다."),
    "challenge.nickname_missing": ("Choose a nickname first.", "먼저 닉네임을 정하세요."),
    "challenge.epochs_help": (
        "Everyone's budget is {budget} images seen: more epochs means fewer different images, each seen more often.",
        "예산은 모두 똑같이 이미지를 {budget}번 보는 것입니다. 에포크를 늘리면 서로 다른 이미지는 줄고, 한 이미지를 더 자주 봅니다.",
    ),
    "challenge.budget": ("Budget: {budget} images seen = epochs × training images ({split}).",
                         "예산: 이미지를 보는 횟수 {budget}번 = 에포크 × 학습 이미지 수({split})."),
    "challenge.budget_split": ("{epochs} × {images}", "{epochs} × {images}장"),
    "challenge.submit": ("Train my model", "내 모델 학습시키기"),
    "challenge.mine_queued": ("Your model is number {position} in the queue: ready in about {seconds} s.",
                              "내 모델은 대기열 {position}번째입니다. 약 {seconds}초 뒤에 끝납니다."),
    "challenge.mine_running": ("Your model is training now.", "내 모델을 지금 학습하고 있습니다."),
    "challenge.mine_done": ("Your model is on the board: accuracy {public:.1%} on the public half of the test set.",
                            "내 모델이 순위표에 올랐습니다. 테스트 세트의 공개 절반에서 정확도 {public:.1%}입니다."),
    "challenge.mine_failed": ("Your model could not be trained: {error}", "내 모델을 학습하지 못했습니다: {error}"),
    "challenge.board_count": ("**Board**: {done} scored, {waiting} still training.",
                              "**순위표**: 점수가 나온 모델 {done}개, 아직 학습 중 {waiting}개."),
    "challenge.rank": ("Rank", "순위"),
    "challenge.public_rank": ("Public rank", "공개 순위"),
    "challenge.moved": ("Moved", "변동"),
    "challenge.public": ("Accuracy (public half)", "정확도(공개 절반)"),
    "challenge.private": ("Accuracy (private half)", "정확도(비공개 절반)"),
    "challenge.seconds": ("Training s", "학습 시간(초)"),
    "challenge.value": ("Setting", "설정값"),
    "challenge.reveal_private": ("Reveal the private scores", "비공개 점수 공개"),
    "challenge.private_caption": (
        "Ranked on the private half now: a model tuned to the public half does not always stay on top. That is why "
        "a test set is used once, at the end.",
        "이제 비공개 절반으로 순위를 매깁니다. 공개 절반에 맞춰 고른 모델이 늘 1등을 지키지는 못합니다. 그래서 테스트 "
        "세트는 마지막에 한 번만 씁니다.",
    ),
    "challenge.take_home": ("Take a model home (the model and the notebook that rebuilds it)",
                            "모델 가져가기(모델과 그 모델을 다시 만드는 노트북)"),
    "challenge.hide": ("Hidden from the board", "순위표에서 숨기기"),
    "challenge.hide_none": ("No entry hidden", "숨긴 항목 없음"),
    "challenge.hide_help": ("An entry hidden here disappears from every student's board.",
                            "여기서 숨긴 항목은 모든 학생의 순위표에서 사라집니다."),
}
